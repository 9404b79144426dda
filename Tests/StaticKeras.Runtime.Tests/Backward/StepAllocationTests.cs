using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using StaticKeras.Callbacks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>
/// What a generated training step allocates: no autograd graph when every layer is explicit, and a
/// bounded number of tensors per steady-state step (TorchSharp's dispose-scope statistics), so a
/// change that adds per-step allocations shows up here.
/// </summary>
public sealed class StepAllocationTests
{
    [Fact]
    public void AFullyExplicitStepRecordsNoAutogradGraph()
    {
        using var scope = NewDisposeScope();
        var (generated, autograd) = (new CnnGenerated(), new CnnAutograd());
        var x = new[] { rand(4, 28, 28, 1) };
        var y = new[] { randint(0, 10, [4], dtype: ScalarType.Int64) };

        Assert.False(Step(generated, x, y).Loss.requires_grad);
        Assert.True(Step(autograd, x, y).Loss.requires_grad);
    }

    // The MLP's one tensor is the flatten view of each new batch; the CNN's are its convolutions and
    // max pooling, recorded for autograd (their outputs, the leaves, the graph's gradients).
    [Theory]
    [InlineData("mlp", 1)]
    [InlineData("mlp-adam-accuracy", 1)]
    [InlineData("cnn", 24)]
    public void TensorsCreatedPerTrainingStepStayBounded(string name, int bound)
    {
        using var scope = NewDisposeScope();
        Model model = name switch
        {
            "mlp" => new MlpGenerated(),
            "mlp-adam-accuracy" => new MlpAdamAccuracy(),
            _ => new CnnGenerated(),
        };
        var images = name == "cnn" ? rand(160, 28, 28, 1) : rand(160, 28, 28);
        var labels = randint(0, 10, [160], dtype: ScalarType.Int64);
        var perStep = new List<long>();
        long before = 0;
        var counter = new LambdaCallback(
            onTrainBatchBegin: (_, _) => before = Created(),
            onTrainBatchEnd: (_, _) => perStep.Add(Created() - before));

        model.Fit(images, labels, epochs: 1, batchSize: 16, shuffle: false, verbose: 0, callbacks: [counter]);

        // Steady state: after the first steps (optimizer state, lazy buffers).
        var steady = perStep.Skip(3).ToList();
        Assert.All(steady, count => Assert.Equal(steady[0], count));
        Assert.InRange(steady[0], 1, bound);
    }

    // What the memory plan saves: Dense writing its output and its input gradient into planned
    // buffers creates no tensor for them (only the weight gradients' handles and temporaries remain).
    [Fact]
    public void DenseWritesIntoPlannedBuffersWithoutCreatingTensors()
    {
        using var scope = NewDisposeScope();
        var dense = new global::StaticKeras.Layers.Dense(8, Activation.Relu);
        dense.Build(5);
        var (x, output, gradInput) = (rand(4, 5), empty(4, 8), empty(4, 5));
        using var noGrad = no_grad();

        var before = Created();
        var y = dense.Call(x, training: true, into: output);
        var forward = Created() - before;
        Assert.True(dense.Call(x).allclose(y, rtol: 0, atol: 0), "the planned forward gives the allocating forward's values");

        before = Created();
        var linear = dense.CallLinear(x, into: output);
        var linearForward = Created() - before;

        Assert.Equal(0, forward);
        Assert.Equal(0, linearForward);
        Assert.Same(output, linear);
        Assert.Same(gradInput, dense.BackwardLinear(rand(4, 8), x, into: gradInput));
    }

    private static long Created() =>
        DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount + DisposeScopeManager.Statistics.TensorStatistics.CreatedOutsideScopeCount;

    private static StepOutput Step(Model model, Tensor[] x, Tensor[] y)
    {
        model.train();
        _ = model.CompiledOptimizer;
        var output = (StepOutput)typeof(Model).GetMethod("TrainStep", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(model, [x, y, new Tensor?[] { null }])!;
        model.eval();
        return output;
    }
}

// The samples' MLP as Fit trains it there: Adam's one-pass update and the accuracy metric on the fused loss's probabilities.
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class MlpAdamAccuracy
{
    readonly global::StaticKeras.Layers.Flatten flatten = new();
    readonly global::StaticKeras.Layers.Dense hidden = new(32, Activation.Relu);
    readonly global::StaticKeras.Layers.Dropout drop = new(0.2);
    readonly global::StaticKeras.Layers.Dense output = new(10, Activation.Softmax);
}
