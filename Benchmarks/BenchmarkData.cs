using System;
using System.Globalization;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>The benchmark's data: Fashion-MNIST's training images scaled to [0, 1], wherever the loader finds them.</summary>
internal static class BenchmarkData
{
    /// <summary>
    /// Training images (float32, (count, 28, 28)) and labels (int64, (count,)): all 60,000, or the
    /// first <c>STATICKERAS_BENCHMARK_SAMPLES</c> of them, for a short run on a busy machine.
    /// </summary>
    public static (Tensor X, Tensor Y) TrainingSet()
    {
        var splits = FashionMnist.LoadData();
        var (x, y) = (splits.Train.X, splits.Train.Y);
        if (Environment.GetEnvironmentVariable("STATICKERAS_BENCHMARK_SAMPLES") is { Length: > 0 } text)
        {
            var count = Math.Min(long.Parse(text, CultureInfo.InvariantCulture), x.shape[0]);
            (x, y) = (x[..(int)count], y[..(int)count]);
        }

        Console.WriteLine($"// benchmark data: {splits.Source}, {x.shape[0]} images");
        return (x.to_type(ScalarType.Float32).div_(255f), y);
    }
}
