using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The latency of one request: <c>Predict</c> on a single image against the hand-written loop on
/// the same image (the baseline). Every iteration times exactly one call, so the median and p99
/// columns are per-call latencies, as a server would see them.
/// </summary>
[Config(typeof(Config))]
public class PredictLatencyBenchmark
{
    private InferenceData data = null!;
    private Tensor image = null!;
    private Tensor handWrittenImage = null!;

    /// <summary>Which sample model: the seed MLP or the Sequential CNN.</summary>
    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    [GlobalSetup]
    public void Setup()
    {
        data = InferenceData.Create(Model);
        image = data.X.narrow(0, 0, 1);
        handWrittenImage = data.HandWrittenX.narrow(0, 0, 1);
    }

    [Benchmark(Baseline = true, Description = "hand-written TorchSharp")]
    public long HandWritten()
    {
        using var output = data.HandWritten.Predict(handWrittenImage, 1);
        return output.shape[0];
    }

    [Benchmark(Description = "StaticKeras Predict")]
    public long StaticKerasPredict()
    {
        using var output = data.Model.Predict(image, 1);
        return output.shape[0];
    }

    /// <summary>One call per iteration, many iterations, median and p99 shown.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(400)
                .WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, new PercentileColumn(99));
        }
    }
}
