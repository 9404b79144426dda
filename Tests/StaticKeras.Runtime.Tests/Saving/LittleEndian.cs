using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>Builds safetensors files byte by byte, the way the tests spell out expected layouts.</summary>
internal static class LittleEndian
{
    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] I64(params long[] values) => values.SelectMany(v =>
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, v);
        return bytes;
    }).ToArray();

    public static byte[] F32(params float[] values) => values.SelectMany(v =>
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
        return bytes;
    }).ToArray();

    /// <summary>A whole file: length prefix, header text plus <paramref name="padding"/> spaces, then data.</summary>
    public static byte[] File(string header, int padding, params byte[][] data)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header + new string(' ', padding));
        return U64((ulong)headerBytes.Length).Concat(headerBytes).Concat(data.SelectMany(d => d)).ToArray();
    }
}
