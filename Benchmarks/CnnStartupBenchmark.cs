using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The sample CNN's first training steps in a fresh process, with and without the runtime's glibc
/// malloc settings: each iteration trains 100 batches of 128 images (12,800 samples) with <c>Fit</c>.
/// </summary>
[Config(typeof(MallocStartupConfig))]
public class CnnStartupBenchmark
{
    private const int Samples = 12_800;
    private Tensor x = null!;
    private Tensor y = null!;
    private BenchmarkCnn model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (images, labels) = BenchmarkData.TrainingSet();
        x = images.narrow(0, 0, Samples).unsqueeze(-1).contiguous();
        y = labels.narrow(0, 0, Samples);
        random.manual_seed(1);
        model = new BenchmarkCnn();
    }

    [Benchmark(Description = "CNN Fit, 100 batches of 128")]
    public double TrainSteps() => model.Fit(x, y, epochs: 1, batchSize: 128, verbose: 0).Logs["loss"][0];
}
