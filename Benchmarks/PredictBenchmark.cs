using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// Prediction throughput on the first 2,000 of Fashion-MNIST's test images: StaticKeras' <c>Predict</c> against
/// the hand-written TorchSharp loop (the baseline) with the same weights, for the seed MLP and the
/// sample's Sequential CNN at batch 1, 32 and 128. The <c>samples/s</c> column divides the images
/// by the mean time.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[SamplesPerSecondColumn(TestImages)]
public class PredictBenchmark
{
    /// <summary>Images per benchmark operation: the first 2,000 test images (batch 1 on the CNN takes seconds per operation on a shared 2-core machine).</summary>
    public const int TestImages = 2_000;

    private InferenceData data = null!;

    /// <summary>Which sample model: the seed MLP or the Sequential CNN.</summary>
    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    /// <summary>Samples per batch.</summary>
    [Params(1, 32, 128)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() => data = InferenceData.Create(Model);

    [Benchmark(Baseline = true, Description = "hand-written TorchSharp")]
    public long HandWritten()
    {
        using var output = data.HandWritten.Predict(data.HandWrittenX.narrow(0, 0, TestImages), BatchSize);
        return output.shape[0];
    }

    [Benchmark(Description = "StaticKeras Predict")]
    public long StaticKerasPredict()
    {
        using var output = data.Model.Predict(data.X.narrow(0, 0, TestImages), BatchSize);
        return output.shape[0];
    }
}
