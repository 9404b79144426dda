using System;
using System.IO;

namespace StaticKeras.Saving;

/// <summary>The weight file formats <see cref="Model.LoadWeights"/> reads, told apart by their first bytes.</summary>
internal enum WeightFileFormat
{
    /// <summary>safetensors: an 8-byte header length, then a JSON header (<c>{</c>).</summary>
    SafeTensors,

    /// <summary>HDF5 (Keras 3 <c>.weights.h5</c>): the signature <c>\x89HDF\r\n\x1a\n</c>.</summary>
    Hdf5,

    /// <summary>A zip archive (Keras 3 <c>.keras</c>): <c>PK\x03\x04</c>.</summary>
    KerasArchive,
}

/// <summary>Recognises a weight file's format by its content, whatever its extension.</summary>
internal static class WeightFileFormats
{
    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> ZipSignature => [(byte)'P', (byte)'K', 0x03, 0x04];

    /// <summary>The format of the file at <paramref name="path"/>; anything that is neither HDF5 nor zip is taken as safetensors, whose reader explains what is wrong.</summary>
    public static WeightFileFormat Detect(string path)
    {
        Platform.RegularFile.Ensure(path, "a weight file");   // a FIFO or device would block the read below
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head[..read];
        if (bytes.StartsWith(Hdf5Signature))
        {
            return WeightFileFormat.Hdf5;
        }

        return bytes.StartsWith(ZipSignature) ? WeightFileFormat.KerasArchive : WeightFileFormat.SafeTensors;
    }
}
