using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

/// <summary>
/// A generated test step hands the metrics a fused softmax's logits, flagged, instead of its
/// probabilities: "accuracy" must come out as on the probabilities, whichever accuracy Keras resolves
/// (sparse categorical and categorical read only the arg-max; binary needs the probabilities).
/// </summary>
public sealed class SoftmaxLogitsMetricsTests
{
    [Theory]
    [InlineData(10, true)]
    [InlineData(10, false)]
    [InlineData(1, false)]
    public void AccuracyOnFlaggedLogitsEqualsAccuracyOnTheirSoftmax(int classes, bool sparse)
    {
        using var scope = NewDisposeScope();
        manual_seed(98);
        var logits = randn(300, classes) * 3;
        var labels = randint(0, classes, [300], dtype: ScalarType.Int64);
        var y = sparse ? labels : classes == 1 ? (rand(300, 1) > 0.5).to_type(ScalarType.Float32) : nn.functional.one_hot(labels, classes).to_type(ScalarType.Float32);
        var batch = new Batch([zeros(300, 1)], [y], [null]);
        var loss = tensor(0.5f);

        var onProbabilities = Accuracy(new StepOutput(loss, [loss], [logits.softmax(-1)]), batch);
        var onLogits = Accuracy(new StepOutput(loss, [loss], [logits], SoftmaxLogits: [true]), batch);

        Assert.Equal(onProbabilities, onLogits);
        Assert.InRange(onProbabilities, 0.0, 1.0);
    }

    private static double Accuracy(StepOutput output, Batch batch)
    {
        var info = new ModelInfo("M", [new("x", [1], [null])], [new("y", [batch.Y[0].dim() == 1 ? 10 : batch.Y[0].size(1)], [null])],
            new CompileInfo(Optimizer.Adam, 0, [new OutputTraining(Loss.SparseCategoricalCrossentropy, [Metric.Accuracy], false, 1)], false), "");
        var metrics = new CompiledMetrics(info, info.Compile!);
        metrics.Update(output, batch);
        return metrics.Logs()["accuracy"];
    }
}
