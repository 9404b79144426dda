using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace StaticKeras.Callbacks.TensorBoardFormat;

/// <summary>
/// Appends TensorBoard <c>Event</c> records to one event file,
/// <c>events.out.tfevents.{seconds}.{host}.{pid}.{n}.v2</c>, as TensorFlow's summary writer names
/// it. The file starts with the <c>brain.Event:2</c> version event; each record is framed as a
/// TFRecord: the length (uint64), its masked CRC-32C, the bytes, their masked CRC-32C, all little-endian.
/// </summary>
public sealed class EventFileWriter : IDisposable
{
    private static int _counter;
    private readonly FileStream _stream;
    private readonly TimeProvider _clock;

    /// <summary>Creates <paramref name="directory"/> if needed and a new event file in it.</summary>
    /// <param name="directory">The run's directory, such as <c>logs/train</c>.</param>
    /// <param name="timeProvider">The clock for each event's wall time (default: the system's).</param>
    public EventFileWriter(string directory, TimeProvider? timeProvider = null)
    {
        Directory.CreateDirectory(directory);
        _clock = timeProvider ?? TimeProvider.System;
        var now = _clock.GetUtcNow();
        var name = $"events.out.tfevents.{now.ToUnixTimeSeconds():D10}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.v2";
        Path = System.IO.Path.Combine(directory, name);
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        WriteRecord(SummaryEvents.FileVersion(WallTime()));
        Flush();
    }

    /// <summary>The event file's path.</summary>
    public string Path { get; }

    /// <summary>Writes a scalar (<c>simple_value</c>) at <paramref name="step"/>.</summary>
    public void Scalar(string tag, long step, double value) => WriteRecord(SummaryEvents.Scalar(WallTime(), step, tag, value));

    /// <summary>Writes a histogram of <paramref name="values"/> at <paramref name="step"/>.</summary>
    public void Histogram(string tag, long step, ReadOnlySpan<float> values) =>
        WriteRecord(SummaryEvents.Histogram(WallTime(), step, tag, WeightHistogram.Of(values)));

    /// <summary>Writes buffered records to disk, so TensorBoard sees them while training runs.</summary>
    public void Flush() => _stream.Flush();

    /// <summary>Writes one record with TFRecord framing.</summary>
    public void WriteRecord(ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(data));
        _stream.Write(header);
        _stream.Write(data);
        _stream.Write(footer);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private double WallTime() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
