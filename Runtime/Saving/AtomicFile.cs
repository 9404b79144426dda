using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace StaticKeras.Saving;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory
/// (<c>.{name}.{process id}-{guid}.tmp</c>), is flushed to disk, and is then renamed over the
/// destination. An exception part-way leaves the previous file as it was and no temporary file
/// behind; a process killed part-way leaves its temporary file, which the next save of the same
/// file removes (a temporary file of a process that still runs is left alone).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The destination; its directory must exist.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="wrapStream">
    /// Test seam: wraps the file stream before <paramref name="write"/> sees it (for example, to
    /// fail part-way through a save). <see langword="null"/> in production.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? wrapStream = null)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"Cannot save to '{path}': it is an existing directory.");
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot save to '{path}': the folder '{directory}' does not exist; create it first.");
        }

        RemoveStaleTemporaries(fullPath);

        // Same directory, so the final rename never crosses file systems and stays atomic.
        var temporary = Path.Combine(directory, TemporaryName(Path.GetFileName(fullPath), Environment.ProcessId, Guid.NewGuid()));
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                var target = wrapStream?.Invoke(file) ?? file;
                write(target);
                target.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The temporary file a save of <paramref name="fileName"/> by process <paramref name="processId"/> writes first.</summary>
    internal static string TemporaryName(string fileName, int processId, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $".{fileName}.{processId}-{id:N}.tmp");

    /// <summary>
    /// Deletes the temporary files that saves of <paramref name="fullPath"/> left behind when their
    /// process was killed: those of processes that no longer run, and those in the earlier
    /// <c>.{name}.{guid}.tmp</c> form, which carried no process id.
    /// </summary>
    internal static void RemoveStaleTemporaries(string fullPath, Func<int, bool>? isRunning = null)
    {
        isRunning ??= IsRunning;
        var directory = Path.GetDirectoryName(fullPath)!;
        var fileName = Path.GetFileName(fullPath);
        var pattern = new Regex("^" + Regex.Escape("." + fileName + ".") + @"(?:(?<pid>[0-9]+)-)?[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant);
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, "." + fileName + ".*.tmp");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the save itself reports what is wrong with the folder
        }

        foreach (var candidate in candidates)
        {
            var match = pattern.Match(Path.GetFileName(candidate));
            if (!match.Success)
                continue;
            var pid = match.Groups["pid"];
            if (pid.Success && int.TryParse(pid.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && isRunning(id))
                continue;
            TryDelete(candidate);
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original exception matters more; a stray temporary file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
