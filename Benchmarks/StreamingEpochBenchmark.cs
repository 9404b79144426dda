using BenchmarkDotNet.Attributes;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// One training epoch fed from memory (the baseline: every image a float tensor, Fit shuffling
/// and slicing it) against the same epoch streamed from the IDX files on disk two ways: by index
/// (the sample's <c>--stream</c>: the files mapped, the indices shuffled in full, each batch read
/// from the files on the training thread) and front to back from the gzip files (a 10,000-image
/// shuffle buffer, batches made into tensors on two background workers, four prefetched). The MLP
/// trains on the first 20,000 training images, the CNN, slower per sample, on the first 4,000 (kept
/// short for the shared 2-core machine).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class StreamingEpochBenchmark
{
    private const int BatchSize = 32;
    private Tensor x = null!;
    private Tensor y = null!;
    private Dataset<(Tensor X, Tensor Y)> stream = null!;
    private Dataset<(Tensor X, Tensor Y)> byIndex = null!;
    private ImageSetSplits files = null!;
    private Model model = null!;

    /// <summary>The model: the seed MLP or the sample's Sequential CNN.</summary>
    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    [GlobalSetup]
    public void Setup()
    {
        var cnn = Model == "cnn";
        var samples = cnn ? 4_000 : 20_000;
        var (images, labels) = BenchmarkData.TrainingSet();
        x = images.narrow(0, 0, samples);
        y = labels.narrow(0, 0, samples);
        if (cnn)
        {
            x = x.unsqueeze(-1);
        }

        stream = FashionMnist.Stream().Train.Take(samples).Shuffle(10_000, seed: 1).Batch(BatchSize)
            .Map(batch => ImageBatch.ToTensors(batch, channelAxis: cnn), workers: 2).Prefetch(4);
        files = FashionMnist.OpenImageSets();
        byIndex = Dataset.Range(samples).Shuffle(samples, seed: 1).Batch(BatchSize).Map(batch => files.Train.ReadBatch(batch, channelAxis: cnn));
        random.manual_seed(1);
        model = cnn ? new BenchmarkCnn() : new BenchmarkMlp();
    }

    [Benchmark(Baseline = true, Description = "Fit from memory")]
    public double InMemory() => model.Fit(x, y, epochs: 1, batchSize: BatchSize, verbose: 0).Logs["loss"][0];

    [GlobalCleanup]
    public void Cleanup() => files.Dispose();

    [Benchmark(Description = "Fit streamed by index")]
    public double ByIndex() => model.Fit(byIndex, epochs: 1, verbose: 0).Logs["loss"][0];

    [Benchmark(Description = "Fit streamed from gzip")]
    public double Streamed() => model.Fit(stream, epochs: 1, verbose: 0).Logs["loss"][0];
}
