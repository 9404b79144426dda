using System;
using System.IO;

namespace StaticKeras.Saving;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory, is
/// flushed to disk, and is then renamed over the destination. A crash or exception part-way leaves
/// the previous file as it was and no temporary file behind.
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
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? wrapStream = null)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"Cannot save to '{path}': it is an existing directory.");
        }

        // Same directory, so the final rename never crosses file systems and stays atomic.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
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
