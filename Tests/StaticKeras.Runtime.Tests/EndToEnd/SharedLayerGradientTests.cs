using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>A functional model that calls one Dense layer twice: both calls share its weights.</summary>
[Model]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError, LearningRate = 0.1)]
public partial class SharedTwice
{
    readonly Dense shared = new(4, Activation.Tanh);
    readonly Dense head = new(1);

    [Graph]
    Tensor Call([Input(4)] Tensor features)
    {
        var h = shared.Call(features);
        h = shared.Call(h);
        return head.Call(h);
    }
}

/// <summary>Keras' shared layers: one set of weights, and the gradients of every call summed into it.</summary>
public sealed class SharedLayerGradientTests
{
    [Fact]
    public void TheSharedLayerHasOneSetOfWeights()
    {
        var model = new SharedTwice();

        Assert.Equal(["shared.kernel", "shared.bias", "head.kernel", "head.bias"], model.named_parameters().Select(p => p.name));
        var summary = new System.Collections.Generic.List<string>();
        model.Summary(summary.Add);
        Assert.Contains(" Total params: 25 (100.00 B)", summary);
        Assert.Contains(summary, line => line.StartsWith("│ shared (Dense)      │ (None, 4)         │         20 │ features[0][0],", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TheGradientsOfBothCallsAreSummedIntoTheSharedKernel()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var model = new SharedTwice();
        var weights = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var x = randn(5, 4);

        model.Call(x).square().sum().backward();

        // The same forward written out by hand with one independent copy of the shared weights per call.
        var (k1, b1) = (weights["shared.kernel"].detach().clone().requires_grad_(), weights["shared.bias"].detach().clone().requires_grad_());
        var (k2, b2) = (weights["shared.kernel"].detach().clone().requires_grad_(), weights["shared.bias"].detach().clone().requires_grad_());
        var first = (x.matmul(k1) + b1).tanh();
        var second = (first.matmul(k2) + b2).tanh();
        (second.matmul(weights["head.kernel"].detach()) + weights["head.bias"].detach()).square().sum().backward();

        Assert.False(k1.grad!.allclose(k2.grad!), "the two calls should contribute different gradients");
        Assert.True(weights["shared.kernel"].grad!.allclose(k1.grad! + k2.grad!, rtol: 1e-5, atol: 1e-6));
        Assert.True(weights["shared.bias"].grad!.allclose(b1.grad! + b2.grad!, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void OneTrainingStepMovesTheSharedKernelByTheSummedGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var model = new SharedTwice();
        var kernel = model.named_parameters().Single(p => p.name == "shared.kernel").parameter;
        var before = kernel.detach().clone();
        var (x, y) = (randn(8, 4), randn(8, 1));

        // The summed gradient of the batch's mean squared error, as autograd gives it on the same weights.
        var loss = (model.Call(x) - y).square().mean();
        loss.backward();
        var expected = before - 0.1 * kernel.grad!;
        kernel.grad!.zero_();

        model.Fit(x, y, epochs: 1, batchSize: 8, shuffle: false, verbose: 0);

        Assert.True(kernel.detach().allclose(expected, rtol: 1e-5, atol: 1e-6));
    }
}
