using System;

namespace StaticKeras.Callbacks.TensorBoardFormat;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and TensorFlow's masked form of it, which
/// TFRecord files store after each length and each record (<c>tensorflow/core/lib/hash/crc32c.h</c>).
/// </summary>
public static class Crc32C
{
    private const uint MaskDelta = 0xa282ead8u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>; <c>"123456789"</c> gives <c>0xE3069283</c>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>TensorFlow's mask, <c>((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8</c>, so a CRC of data holding CRCs stays strong.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The masked CRC-32C of <paramref name="data"/>, as a TFRecord stores it.</summary>
    public static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
