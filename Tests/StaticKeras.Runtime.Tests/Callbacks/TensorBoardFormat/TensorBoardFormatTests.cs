using System;
using System.IO;
using System.Linq;
using System.Text;
using StaticKeras.Callbacks.TensorBoardFormat;
using Xunit;

namespace StaticKeras.Runtime.Tests.Callbacks.TensorBoardFormat;

public class TensorBoardFormatTests
{
    [Fact]
    public void Crc32CMatchesTheCastagnoliCheckValueAndTensorFlowsMask()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));   // the CRC-32C check value
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0xa282ead8u, Crc32C.Mask(0));
        // 32 zero bytes: 0x8A9136AA (RFC 3720, iSCSI test vector), then rotated right by 15 and offset
        const uint zeros = 0x8A9136AAu;
        Assert.Equal(zeros, Crc32C.Compute(new byte[32]));
        Assert.Equal(unchecked(((zeros >> 15) | (zeros << 17)) + 0xa282ead8u), Crc32C.Masked(new byte[32]));
    }

    [Fact]
    public void AnEventFileStartsWithTheVersionEventAndFramesEveryRecord()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sk-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path;
            using (var writer = new EventFileWriter(directory))
            {
                path = writer.Path;
                writer.Scalar("epoch_loss", 3, 0.25);
                writer.Histogram("dense/kernel/histogram", 7, [1f, 2f, 2f, 4f]);
            }

            Assert.StartsWith("events.out.tfevents.", Path.GetFileName(path));
            Assert.EndsWith(".v2", path);
            var events = EventFileReader.Read(path);
            Assert.Equal(3, events.Count);
            Assert.Equal("brain.Event:2", events[0].FileVersion);
            Assert.InRange(events[0].WallTime, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
            var scalar = Assert.Single(events[1].Values);
            Assert.Equal(("epoch_loss", 0.25f, 3L), (scalar.Tag, scalar.Scalar!.Value, events[1].Step));
            var histogram = Assert.Single(events[2].Values).Histogram!;
            Assert.Equal((7L, 1.0, 4.0, 4.0, 9.0, 25.0), (events[2].Step, histogram.Min, histogram.Max, histogram.Count, histogram.Sum, histogram.SumSquares));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void HistogramsHaveThirtyEqualBucketsEndingAtTheMaximum()
    {
        var histogram = WeightHistogram.Of([0f, 1f, 2f, 3f, float.NaN]);
        Assert.Equal((0.0, 3.0, 4.0, 6.0, 14.0), (histogram.Min, histogram.Max, histogram.Count, histogram.Sum, histogram.SumSquares));
        Assert.Equal(30, histogram.BucketLimits.Length);
        Assert.Equal(0.1, histogram.BucketLimits[0], 12);
        Assert.Equal(3.0, histogram.BucketLimits[^1]);
        // 0 in the first bucket, 1 in the eleventh (1 / 0.1 = 10), 2 in the 21st, 3 (the maximum) in the last
        Assert.Equal([0, 10, 20, 29], FilledBuckets(histogram));
    }

    [Fact]
    public void AConstantWeightIsOneBucket()
    {
        var histogram = WeightHistogram.Of([0.5f, 0.5f]);
        Assert.Equal([0.5], histogram.BucketLimits);
        Assert.Equal([2.0], histogram.BucketCounts);
    }

    private static int[] FilledBuckets(WeightHistogram histogram)
    {
        Assert.All(histogram.BucketCounts, c => Assert.True(c is 0 or 1));
        return Enumerable.Range(0, histogram.BucketCounts.Length).Where(i => histogram.BucketCounts[i] > 0).ToArray();
    }
}
