using System;

namespace StaticKeras.Callbacks.TensorBoardFormat;

/// <summary>
/// The statistics of a <c>HistogramProto</c>: min, max, count, sum, sum of squares, and
/// <see cref="DefaultBuckets"/> equal-width buckets between min and max, each given by its right
/// edge (TensorBoard takes each bucket's left edge from the previous limit, the first from min).
/// Non-finite values are left out of the buckets and the sums, and counted in neither.
/// </summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Count">How many finite values.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="SumSquares">The sum of their squares.</param>
/// <param name="BucketLimits">Each bucket's right edge, ascending; the last is <paramref name="Max"/>.</param>
/// <param name="BucketCounts">How many values fall in each bucket.</param>
public sealed record WeightHistogram(double Min, double Max, double Count, double Sum, double SumSquares,
    double[] BucketLimits, double[] BucketCounts)
{
    /// <summary>The number of buckets, as <c>tf.summary.histogram</c>'s default.</summary>
    public const int DefaultBuckets = 30;

    /// <summary>The histogram of <paramref name="values"/> in <see cref="DefaultBuckets"/> buckets (one when all are equal).</summary>
    public static WeightHistogram Of(ReadOnlySpan<float> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0, sumSquares = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                continue;
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
            sumSquares += (double)v * v;
            count++;
        }

        if (count == 0)
        {
            return new WeightHistogram(0, 0, 0, 0, 0, [], []);
        }

        var buckets = min == max ? 1 : DefaultBuckets;
        var limits = new double[buckets];
        var counts = new double[buckets];
        var width = (max - min) / buckets;
        for (var i = 0; i < buckets; i++)
        {
            limits[i] = i == buckets - 1 ? max : min + width * (i + 1);
        }

        foreach (var v in values)
        {
            if (float.IsFinite(v))
            {
                var index = width == 0 ? 0 : Math.Min((int)((v - min) / width), buckets - 1);
                counts[index]++;
            }
        }

        return new WeightHistogram(min, max, count, sum, sumSquares, limits, counts);
    }
}
