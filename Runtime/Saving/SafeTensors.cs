using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// Writes tensors in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
/// format: an 8-byte little-endian header length, a JSON header giving each tensor's dtype,
/// shape and data offsets (plus optional <c>__metadata__</c> strings), then the raw little-endian
/// data. The files are byte-identical to those of the reference implementation
/// (<c>safetensors.torch.save_file</c>) for the same tensors and metadata. Read them back with
/// <see cref="SafeTensorsFile"/>.
/// </summary>
public static class SafeTensors
{
    /// <summary>
    /// Saves <paramref name="tensors"/> to <paramref name="path"/> atomically: the file is written
    /// beside the destination under a temporary name, flushed to disk, then renamed over it, so an
    /// interrupted save leaves any previous file intact.
    /// </summary>
    /// <param name="path">The destination file; its directory must exist.</param>
    /// <param name="tensors">Named tensors (any device; copied to the CPU as they are written).</param>
    /// <param name="metadata">Optional free-form strings stored under <c>__metadata__</c>.</param>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        Save(path, tensors, metadata, wrapStream: null);

    /// <summary>As <see cref="Save(string, IEnumerable{KeyValuePair{string, Tensor}}, IReadOnlyDictionary{string, string}?)"/>, with a test seam around the file stream.</summary>
    internal static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream>? wrapStream)
    {
        var list = tensors.ToList();
        AtomicFile.Write(path, stream => Write(stream, list, metadata), wrapStream);
    }

    /// <summary>Writes <paramref name="tensors"/> in safetensors format to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream, left open.</param>
    /// <param name="tensors">Named tensors; names must be distinct.</param>
    /// <param name="metadata">Optional free-form strings stored under <c>__metadata__</c>.</param>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        EnsureLittleEndian();
        var ordered = Layout(tensors, metadata, out var header);
        var headerBytes = header.ToBytes();
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)headerBytes.Length);
        stream.Write(length);
        stream.Write(headerBytes);
        foreach (var tensor in ordered)
        {
            using var scope = NewDisposeScope();
            var data = tensor.detach().cpu().contiguous();
            stream.Write(data.bytes);
        }
    }

    // Orders tensors as the reference writer does and assigns their data offsets.
    private static List<Tensor> Layout(IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata, out SafeTensorsHeader header)
    {
        var entries = new List<(string Name, string DType, Tensor Tensor)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            if (!names.Add(name))
            {
                throw new ArgumentException($"Tensor name '{name}' appears twice; safetensors names must be unique.", nameof(tensors));
            }

            entries.Add((name, SafeTensorsDTypes.FromScalarType(tensor.dtype, name), tensor));
        }

        // Stricter alignment first, then name (byte order), so every tensor's data starts at a
        // multiple of its element size.
        entries.Sort((a, b) =>
        {
            var byRank = SafeTensorsDTypes.Rank(b.DType).CompareTo(SafeTensorsDTypes.Rank(a.DType));
            return byRank != 0 ? byRank : Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name));
        });

        long offset = 0;
        var infos = new List<SafeTensorInfo>(entries.Count);
        foreach (var (name, dtype, tensor) in entries)
        {
            var byteLength = checked(tensor.numel() * SafeTensorsDTypes.Size(dtype));
            EnsureAddressable(name, byteLength);
            infos.Add(new SafeTensorInfo(name, dtype, tensor.shape, offset, offset + byteLength));
            offset += byteLength;
        }

        header = new SafeTensorsHeader(infos, metadata ?? new Dictionary<string, string>());
        return entries.Select(e => e.Tensor).ToList();
    }

    /// <summary>Tensor data moves through one span; TorchSharp spans stop at 2 GiB.</summary>
    internal static void EnsureAddressable(string name, long byteLength)
    {
        if (byteLength > int.MaxValue)
        {
            throw new NotSupportedException($"Tensor '{name}' holds {byteLength} bytes; tensors of 2 GiB or more are not supported.");
        }
    }

    /// <summary>The format is little-endian and tensor bytes are copied verbatim.</summary>
    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors data is little-endian; this big-endian platform is not supported.");
        }
    }
}
