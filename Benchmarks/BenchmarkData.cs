using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>The benchmark's data: Fashion-MNIST's training images scaled to [0, 1], wherever the loader finds them.</summary>
internal static class BenchmarkData
{
    /// <summary>Training images (float32, (count, 28, 28)) and labels (int64, (count,)).</summary>
    public static (Tensor X, Tensor Y) TrainingSet()
    {
        var splits = FashionMnist.LoadData();
        System.Console.WriteLine($"// benchmark data: {splits.Source}, {splits.Train.X.shape[0]} images");
        return (splits.Train.X.to_type(ScalarType.Float32).div_(255f), splits.Train.Y);
    }
}
