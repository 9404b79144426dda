using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace StaticKeras.Tests.Data;

/// <summary>Builds IDX files in memory: magic (0, 0, type, rank), big-endian dimensions, then the data.</summary>
internal static class IdxBytes
{
    public static byte[] Build(byte type, int[] dimensions, byte[] data)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = type;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);
        return [.. header, .. data];
    }

    /// <summary>An image file of <paramref name="count"/> images of 2x3 pixels whose values count up from <paramref name="first"/>.</summary>
    public static byte[] Images(int count, byte first = 0) =>
        Build(0x08, [count, 2, 3], Enumerable.Range(0, count * 6).Select(i => (byte)(first + i)).ToArray());

    public static byte[] Labels(params byte[] labels) => Build(0x08, [labels.Length], labels);

    /// <summary>Writes an image file and a label file into <paramref name="directory"/> (named images and labels, .gz when <paramref name="gzip"/>).</summary>
    public static (string Images, string Labels) WritePair(string directory, byte[] images, byte[] labels, bool gzip)
    {
        var suffix = gzip ? ".gz" : "";
        var (imagesPath, labelsPath) = (Path.Combine(directory, "images" + suffix), Path.Combine(directory, "labels" + suffix));
        File.WriteAllBytes(imagesPath, gzip ? Gzip(images) : images);
        File.WriteAllBytes(labelsPath, gzip ? Gzip(labels) : labels);
        return (imagesPath, labelsPath);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
            gzip.CopyTo(output);
        return output.ToArray();
    }
}
