namespace StaticKeras.Callbacks.TensorBoardFormat;

/// <summary>
/// Encodes the TensorBoard protocol buffers the callback writes (<c>tensorflow/core/util/event.proto</c>,
/// <c>tensorflow/core/framework/summary.proto</c>):
/// <code>
/// Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
/// Summary { repeated Value value = 1; }
/// Value   { string tag = 1; float simple_value = 2; HistogramProto histo = 5; }
/// HistogramProto { double min = 1, max = 2, num = 3, sum = 4, sum_squares = 5;
///                  repeated double bucket_limit = 6 [packed]; repeated double bucket = 7 [packed]; }
/// </code>
/// TensorBoard reads <c>simple_value</c> as a scalar and <c>histo</c> as a histogram.
/// </summary>
public static class SummaryEvents
{
    /// <summary>The first event of every file: <c>file_version: "brain.Event:2"</c>.</summary>
    public static byte[] FileVersion(double wallTime) =>
        new ProtoWriter().Double(1, wallTime).String(3, "brain.Event:2").ToArray();

    /// <summary>An event holding one scalar value.</summary>
    public static byte[] Scalar(double wallTime, long step, string tag, double value) =>
        Event(wallTime, step, new ProtoWriter().String(1, tag).Float(2, (float)value));

    /// <summary>An event holding one histogram.</summary>
    public static byte[] Histogram(double wallTime, long step, string tag, WeightHistogram histogram)
    {
        var histo = new ProtoWriter()
            .Double(1, histogram.Min).Double(2, histogram.Max).Double(3, histogram.Count)
            .Double(4, histogram.Sum).Double(5, histogram.SumSquares)
            .PackedDoubles(6, histogram.BucketLimits).PackedDoubles(7, histogram.BucketCounts);
        return Event(wallTime, step, new ProtoWriter().String(1, tag).Message(5, histo));
    }

    private static byte[] Event(double wallTime, long step, ProtoWriter value) =>
        new ProtoWriter().Double(1, wallTime).Int64(2, step)
            .Message(5, new ProtoWriter().Message(1, value)).ToArray();
}
