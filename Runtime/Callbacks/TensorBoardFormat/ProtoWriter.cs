using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace StaticKeras.Callbacks.TensorBoardFormat;

/// <summary>
/// Writes the few protocol-buffer wire types TensorBoard's <c>Event</c> and <c>Summary</c> messages
/// use: varints, 64-bit and 32-bit little-endian fields, length-delimited strings, nested messages
/// and packed doubles. Fields are written in the order the caller gives, as protobuf allows.
/// </summary>
internal sealed class ProtoWriter
{
    private const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;
    private readonly MemoryStream _stream = new();

    /// <summary>A <c>double</c> field.</summary>
    public ProtoWriter Double(int field, double value)
    {
        Tag(field, Fixed64);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _stream.Write(bytes);
        return this;
    }

    /// <summary>A <c>float</c> field.</summary>
    public ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _stream.Write(bytes);
        return this;
    }

    /// <summary>An <c>int64</c> field (negative values take ten bytes, as protobuf encodes them).</summary>
    public ProtoWriter Int64(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint((ulong)value);
        return this;
    }

    /// <summary>A <c>string</c> field, UTF-8.</summary>
    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A nested message field.</summary>
    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    /// <summary>A <c>repeated double</c> field, packed (the proto3 default).</summary>
    public ProtoWriter PackedDoubles(int field, ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return Bytes(field, bytes);
    }

    /// <summary>The encoded message.</summary>
    public byte[] ToArray() => _stream.ToArray();

    private ProtoWriter Bytes(int field, byte[] bytes)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)bytes.Length);
        _stream.Write(bytes);
        return this;
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }
}
