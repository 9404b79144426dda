using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// An open safetensors file: its validated header (tensor names, dtypes, shapes, metadata) and
/// on-demand reading of each tensor. Opening checks the whole layout, so a truncated or corrupt
/// file fails here with a message saying what is wrong, before any tensor is read.
/// </summary>
public sealed class SafeTensorsFile : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _dataStart;
    private readonly Dictionary<string, SafeTensorInfo> _byName;

    private SafeTensorsFile(Stream stream, bool leaveOpen, string source, SafeTensorsHeader header, long dataStart)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Source = source;
        Tensors = header.Tensors;
        Metadata = header.Metadata;
        _dataStart = dataStart;
        _byName = header.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The file's path, or the name given for a stream; used in messages.</summary>
    public string Source { get; }

    /// <summary>The tensors, in the order of their data in the file.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The <c>__metadata__</c> strings (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens and validates the safetensors file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file; the message says why.</exception>
    /// <exception cref="IOException"><paramref name="path"/> is a FIFO, socket or device, not a file.</exception>
    public static SafeTensorsFile Open(string path)
    {
        Platform.RegularFile.Ensure(path, "a safetensors weight file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            return Open(stream, path, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads and validates a safetensors header from a seekable <paramref name="stream"/> positioned at the file's start.</summary>
    /// <param name="stream">The file's bytes; must support seeking.</param>
    /// <param name="source">A name for the stream in messages.</param>
    /// <param name="leaveOpen">Whether disposing this object leaves <paramref name="stream"/> open.</param>
    public static SafeTensorsFile Open(Stream stream, string source, bool leaveOpen = false)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Reading safetensors needs a seekable stream.", nameof(stream));
        }

        var start = stream.Position;
        var available = stream.Length - start;
        if (available < 8)
        {
            throw SafeTensorsHeader.Invalid(source, $"it is {available} bytes long, shorter than the 8-byte header length");
        }

        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > SafeTensorsHeader.MaxHeaderLength)
        {
            throw SafeTensorsHeader.Invalid(source, $"the header length {headerLength} exceeds the format's limit of {SafeTensorsHeader.MaxHeaderLength} bytes");
        }

        if ((long)headerLength > available - 8)
        {
            throw SafeTensorsHeader.Invalid(source, $"the header length {headerLength} runs past the end of the file ({available} bytes); the file is truncated");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        if (headerBytes.Length == 0 || headerBytes[0] != (byte)'{')
        {
            throw SafeTensorsHeader.Invalid(source, "the header does not start with '{'");
        }

        var dataStart = start + 8 + (long)headerLength;
        var header = SafeTensorsHeader.Parse(headerBytes, stream.Length - dataStart, source);
        return new SafeTensorsFile(stream, leaveOpen, source, header, dataStart);
    }

    /// <summary>The header entry of the tensor named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public SafeTensorInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads the tensor named <paramref name="name"/> into a new CPU tensor of its dtype and shape.</summary>
    /// <exception cref="KeyNotFoundException">The file has no tensor of that name.</exception>
    /// <exception cref="NotSupportedException">The dtype has no TorchSharp equivalent (U16, U32, U64, F8).</exception>
    public Tensor ReadTensor(string name)
    {
        var info = Find(name)
            ?? throw new KeyNotFoundException($"'{Source}' has no tensor '{name}' (it has {Tensors.Count}: {string.Join(", ", Tensors.Select(t => t.Name))}).");
        var type = SafeTensorsDTypes.ToScalarType(info.DType)
            ?? throw new NotSupportedException($"Tensor '{name}' in '{Source}' has dtype {info.DType}, which TorchSharp cannot hold.");
        SafeTensors.EnsureLittleEndian();
        SafeTensors.EnsureAddressable(name, info.ByteLength);

        var tensor = empty(info.Shape, type);
        try
        {
            _stream.Seek(_dataStart + info.Begin, SeekOrigin.Begin);
            _stream.ReadExactly(tensor.bytes);
            return tensor;
        }
        catch (EndOfStreamException)
        {
            tensor.Dispose();
            throw SafeTensorsHeader.Invalid(Source, $"the data of tensor '{name}' ends early; the file was truncated while open");
        }
    }

    /// <summary>Closes the file (or the stream, unless it was opened with <c>leaveOpen</c>).</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
