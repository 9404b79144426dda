using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using StaticKeras.Callbacks.TensorBoardFormat;

namespace StaticKeras.Runtime.Tests.Callbacks.TensorBoardFormat;

/// <summary>One decoded <c>Summary.Value</c>: its tag and a scalar or a histogram.</summary>
internal sealed record SummaryValue(string Tag, float? Scalar, WeightHistogram? Histogram);

/// <summary>One decoded <c>Event</c>.</summary>
internal sealed record EventRecord(double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue> Values);

/// <summary>
/// Reads an event file back as TensorBoard does: TFRecord framing with both masked CRC-32Cs
/// checked, then the <c>Event</c> protobuf decoded field by field from the wire format (an
/// independent decoder, not the writer's code run backwards).
/// </summary>
internal static class EventFileReader
{
    public static List<EventRecord> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<EventRecord>();
        var at = 0;
        while (at < bytes.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at, 8)));
            Check(bytes.AsSpan(at, 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)), "length", at);
            var data = bytes.AsSpan(at + 12, length);
            Check(data, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + length, 4)), "data", at);
            events.Add(DecodeEvent(data.ToArray()));
            at += 12 + length + 4;
        }

        return events;
    }

    private static void Check(ReadOnlySpan<byte> data, uint stored, string what, int offset)
    {
        // Computed here bit by bit, not with the table the writer uses.
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        crc = ~crc;
        var masked = unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
        if (masked != stored)
        {
            throw new InvalidDataException($"Bad masked CRC-32C of the record's {what} at byte {offset}: stored {stored:x8}, computed {masked:x8}.");
        }
    }

    private static EventRecord DecodeEvent(byte[] data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var values = new List<SummaryValue>();
        foreach (var (field, wire) in Fields(data))
        {
            switch (field)
            {
                case 1: wallTime = BitConverter.Int64BitsToDouble((long)wire.Fixed); break;
                case 2: step = (long)wire.Varint; break;
                case 3: version = Encoding.UTF8.GetString(wire.Bytes!); break;
                case 5:
                    foreach (var (valueField, value) in Fields(wire.Bytes!))
                    {
                        if (valueField == 1)
                        {
                            values.Add(DecodeValue(value.Bytes!));
                        }
                    }

                    break;
            }
        }

        return new EventRecord(wallTime, step, version, values);
    }

    private static SummaryValue DecodeValue(byte[] data)
    {
        string tag = "";
        float? scalar = null;
        WeightHistogram? histogram = null;
        foreach (var (field, wire) in Fields(data))
        {
            switch (field)
            {
                case 1: tag = Encoding.UTF8.GetString(wire.Bytes!); break;
                case 2: scalar = BitConverter.Int32BitsToSingle((int)wire.Fixed); break;
                case 5: histogram = DecodeHistogram(wire.Bytes!); break;
            }
        }

        return new SummaryValue(tag, scalar, histogram);
    }

    private static WeightHistogram DecodeHistogram(byte[] data)
    {
        var scalars = new double[6];
        double[] limits = [], counts = [];
        foreach (var (field, wire) in Fields(data))
        {
            if (field is >= 1 and <= 5)
            {
                scalars[field] = BitConverter.Int64BitsToDouble((long)wire.Fixed);
            }
            else if (field is 6 or 7)
            {
                var packed = new double[wire.Bytes!.Length / 8];
                for (var i = 0; i < packed.Length; i++)
                {
                    packed[i] = BinaryPrimitives.ReadDoubleLittleEndian(wire.Bytes.AsSpan(i * 8));
                }

                if (field == 6)
                {
                    limits = packed;
                }
                else
                {
                    counts = packed;
                }
            }
        }

        return new WeightHistogram(scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], limits, counts);
    }

    private sealed record Wire(ulong Varint, ulong Fixed, byte[]? Bytes);

    private static IEnumerable<(int Field, Wire Value)> Fields(byte[] data)
    {
        var at = 0;
        while (at < data.Length)
        {
            var key = ReadVarint(data, ref at);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: yield return (field, new Wire(ReadVarint(data, ref at), 0, null)); break;
                case 1: yield return (field, new Wire(0, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at, 8)), null)); at += 8; break;
                case 5: yield return (field, new Wire(0, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at, 4)), null)); at += 4; break;
                case 2:
                    var length = (int)ReadVarint(data, ref at);
                    yield return (field, new Wire(0, 0, data.AsSpan(at, length).ToArray()));
                    at += length;
                    break;
                default: throw new InvalidDataException($"Unexpected wire type {key & 7} for field {field}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
