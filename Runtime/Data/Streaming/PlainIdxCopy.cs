using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StaticKeras.Data;

/// <summary>
/// The plain form of an IDX file for reading by index: the file itself when it is plain, else a
/// decompressed copy made once in a directory and named after the gzip file's full path, length and
/// last write time, so a changed or different file never reuses a stale copy. The copy is written
/// to a temporary name and renamed when complete, so an interrupted decompression leaves no copy
/// that a later open would take for whole.
/// </summary>
internal static class PlainIdxCopy
{
    public static string For(string path, string directory)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        if (!IsGzip(path))
        {
            return path;
        }

        var key = FormattableString.Invariant($"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
        var copy = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(file.Name)}-{hash}");
        if (File.Exists(copy))
        {
            return copy;
        }

        Directory.CreateDirectory(directory);
        var partial = copy + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".partial";
        try
        {
            Decompress(path, partial);
            CheckLength(partial, path);
            File.Move(partial, copy, overwrite: true);
            return copy;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static void Decompress(string path, string destination)
    {
        try
        {
            using var content = IdxReader.OpenContent(path);
            using var output = File.Create(destination);
            content.CopyTo(output);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{path}: its gzip content is corrupt ({error.Message}).", error);
        }
    }

    // A truncated gzip file inflates without an error into a shorter file: its header says how long it must be.
    private static void CheckLength(string copy, string path)
    {
        using var content = File.OpenRead(copy);
        var (type, dimensions) = IdxReader.ReadHeader(content, path);
        var expected = content.Position + dimensions.Aggregate(1L, (product, d) => product * d) * IdxReader.ElementSize(type);
        if (content.Length != expected)
        {
            throw new InvalidDataException(
                $"{path} is truncated or corrupt: its header's dimensions ({string.Join(", ", dimensions)}) need {expected} bytes decompressed, found {content.Length}.");
        }
    }

    private static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return file.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
