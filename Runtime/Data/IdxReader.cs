using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Reads IDX files (the MNIST format), plain or gzip-compressed (recognized by content, not name).
/// Layout: two zero bytes, a type byte, a dimension count; one big-endian int32 per dimension; then
/// exactly the product of the dimensions elements, big-endian. Anything else is a clear error.
/// </summary>
internal static class IdxReader
{
    private const int MaxDimensions = 16;

    /// <summary>Reads the IDX file at <paramref name="path"/>.</summary>
    public static IdxArray Read(string path)
    {
        using var file = File.OpenRead(path);
        try
        {
            using var content = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            return Read(content, path);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: corrupt gzip data ({e.Message})", e);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        return isGzip;
    }

    /// <summary>Opens the file's content, decompressing gzip (recognized by its magic bytes).</summary>
    public static Stream OpenContent(string path)
    {
        var file = File.OpenRead(path);
        // Buffered: a streamed dataset reads one image (784 bytes) and one label (1 byte) per call, and
        // each read of a GZipStream is a call into zlib; a 64 KiB buffer makes that one call per 64 KiB.
        return IsGzip(file) ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
    }

    /// <summary>Reads and checks the header: the element type and the dimension sizes.</summary>
    public static (IdxDataType Type, long[] Dimensions) ReadHeader(Stream content, string path)
    {
        var magic = ReadExactly(content, 4, path, "magic number");
        if (magic[0] != 0 || magic[1] != 0)
            throw new InvalidDataException($"{path} is not an IDX file: its magic number {Hex(magic)} should start with two zero bytes.");
        var type = (IdxDataType)magic[2];
        if (!Enum.IsDefined(type))
            throw new InvalidDataException($"{path}: unknown IDX data type 0x{magic[2]:X2} (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E).");
        var rank = magic[3];
        if (rank is 0 or > MaxDimensions)
            throw new InvalidDataException($"{path}: an IDX file with {rank} dimensions (expected 1 to {MaxDimensions}).");

        var header = ReadExactly(content, 4 * rank, path, $"dimension sizes ({rank} dimensions)");
        var dimensions = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * i));
            if (dimensions[i] < 0)
                throw new InvalidDataException($"{path}: dimension {i} has the negative size {dimensions[i]}.");
        }

        return (type, dimensions);
    }

    private static IdxArray Read(Stream content, string path)
    {
        var (type, dimensions) = ReadHeader(content, path);
        var rank = dimensions.Length;
        var length = dimensions.Aggregate(1.0, (product, d) => product * d) * ElementSize(type);
        if (length > Array.MaxLength)
            throw new InvalidDataException($"{path}: dimensions ({string.Join(", ", dimensions)}) need {length:0} bytes, more than an array holds.");

        var data = new byte[(int)length];
        var read = content.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
            throw new InvalidDataException($"{path} is truncated: dimensions ({string.Join(", ", dimensions)}) need {data.Length} bytes of data after the {4 + 4 * rank}-byte header, found {read}.");
        var extra = CountRemaining(content);
        if (extra > 0)
            throw new InvalidDataException($"{path}: {extra} bytes follow the {data.Length} bytes of data that dimensions ({string.Join(", ", dimensions)}) describe.");
        return new IdxArray(type, dimensions, data);
    }

    /// <summary>The bytes of one element of <paramref name="type"/>.</summary>
    public static int ElementSize(IdxDataType type) => type switch
    {
        IdxDataType.Int16 => 2,
        IdxDataType.Int32 or IdxDataType.Float32 => 4,
        IdxDataType.Float64 => 8,
        _ => 1,
    };

    /// <summary>Reads <paramref name="count"/> bytes or fails naming what was cut short.</summary>
    public static byte[] ReadExactly(Stream content, int count, string path, string what)
    {
        var bytes = new byte[count];
        var read = content.ReadAtLeast(bytes, count, throwOnEndOfStream: false);
        if (read < count)
            throw new InvalidDataException($"{path} is truncated: expected {count} bytes of {what}, found {read}.");
        return bytes;
    }

    private static long CountRemaining(Stream content)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
            total += read;
        return total;
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes);
}
