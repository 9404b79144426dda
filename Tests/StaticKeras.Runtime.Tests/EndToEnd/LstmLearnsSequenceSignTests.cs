using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>An LSTM reading a sequence of numbers and telling whether their running sum ends above zero.</summary>
[Sequential, Input(10, 1)]
[Compile(Optimizer.Adam, Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.01)]
public partial class RunningSumSign
{
    readonly LSTM lstm = new(8);
    readonly Dense sign = new(1, Activation.Sigmoid);
}

/// <summary>The recurrent layers learn a task that needs memory across the whole sequence.</summary>
public sealed class LstmLearnsSequenceSignTests
{
    [Fact]
    public void LstmLearnsTheSignOfARunningSum()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (xTrain, yTrain) = Sequences(1024);
        var (xTest, yTest) = Sequences(256);
        var model = new RunningSumSign();
        var (lossBefore, _) = model.Evaluate(xTest, yTest, verbose: 0);

        model.Fit(xTrain, yTrain, epochs: 15, batchSize: 32, verbose: 0);
        var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);

        // No single time step decides the sign, so only a model that accumulates the whole
        // sequence gets near 1 (the untrained LSTM's loss is about ln 2).
        Assert.InRange(lossBefore, 0.6, 0.8);
        Assert.InRange(accuracy, 0.93, 1.0);
        Assert.InRange(loss, 0.0, 0.2 * lossBefore);
    }

    // Ten numbers uniform in [-1, 1] per sequence; the label is 1 when they sum to more than zero.
    private static (Tensor X, Tensor Y) Sequences(int count)
    {
        var x = rand(count, 10, 1).mul_(2).sub_(1);
        var y = (x.sum([1, 2]) > 0).to_type(ScalarType.Float32).unsqueeze(1);
        return (x, y);
    }
}
