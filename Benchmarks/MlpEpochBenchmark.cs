using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// One training epoch of the seed MLP on Fashion-MNIST: StaticKeras' generated model and
/// <c>Fit</c> against the hand-written TorchSharp loop (the baseline), on the same data.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser(false)]
public class MlpEpochBenchmark
{
    private Tensor x = null!;
    private Tensor y = null!;
    private HandWrittenMlp handWritten = null!;
    private BenchmarkMlp staticKeras = null!;

    /// <summary>The batch size, as in the measurements (32 and 128).</summary>
    [Params(32, 128)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (x, y) = BenchmarkData.TrainingSet();
        random.manual_seed(1);
        handWritten = new HandWrittenMlp();
        staticKeras = new BenchmarkMlp();
    }

    [Benchmark(Baseline = true, Description = "hand-written TorchSharp")]
    public double HandWritten() => handWritten.TrainEpoch(x, y, BatchSize);

    [Benchmark(Description = "StaticKeras Fit")]
    public double StaticKerasFit() =>
        staticKeras.Fit(x, y, epochs: 1, batchSize: BatchSize, verbose: 0).Logs["loss"][0];
}
