using System;
using System.Buffers.Binary;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>The contents of one IDX file: its element type, its dimensions and its big-endian data.</summary>
internal sealed class IdxArray(IdxDataType type, long[] dimensions, byte[] data)
{
    /// <summary>The element type (the magic number's third byte).</summary>
    public IdxDataType Type { get; } = type;

    /// <summary>The dimensions, outermost first.</summary>
    public long[] Dimensions { get; } = dimensions;

    /// <summary>The elements, row-major, big-endian as stored.</summary>
    public byte[] Data { get; } = data;

    /// <summary>The dimensions as Keras and NumPy print them, e.g. (60000, 28, 28).</summary>
    public string Shape => "(" + string.Join(", ", Dimensions) + (Dimensions.Length == 1 ? ",)" : ")");

    /// <summary>A tensor of the matching TorchSharp type (uint8, int8, int16, int32, float32, float64).</summary>
    public Tensor ToTensor() => Type switch
    {
        IdxDataType.UnsignedByte => tensor(Data, Dimensions, ScalarType.Byte),
        IdxDataType.SignedByte => tensor(Data.Select(b => (sbyte)b).ToArray(), Dimensions),
        IdxDataType.Int16 => tensor(Convert(2, s => BinaryPrimitives.ReadInt16BigEndian(s)), Dimensions),
        IdxDataType.Int32 => tensor(Convert(4, s => BinaryPrimitives.ReadInt32BigEndian(s)), Dimensions),
        IdxDataType.Float32 => tensor(Convert(4, s => BinaryPrimitives.ReadSingleBigEndian(s)), Dimensions),
        IdxDataType.Float64 => tensor(Convert(8, s => BinaryPrimitives.ReadDoubleBigEndian(s)), Dimensions),
        _ => throw new InvalidOperationException($"IDX data type {Type} has no tensor type."),
    };

    /// <summary>The elements as int64 labels (only for unsigned-byte data).</summary>
    public long[] ToInt64() => Type == IdxDataType.UnsignedByte
        ? Data.Select(b => (long)b).ToArray()
        : throw new InvalidOperationException($"labels must be unsigned bytes, not {Type}.");

    private T[] Convert<T>(int size, Func<ReadOnlySpan<byte>, T> read)
    {
        var values = new T[Data.Length / size];
        for (var i = 0; i < values.Length; i++)
            values[i] = read(Data.AsSpan(i * size, size));
        return values;
    }
}
