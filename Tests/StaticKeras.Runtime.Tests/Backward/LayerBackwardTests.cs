using System;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>The explicit backward kernels of Dense, ActivationLayer, Dropout, Flatten, Reshape and Permute against autograd in float64.</summary>
public sealed class LayerBackwardTests
{
    public static TheoryData<Activation> Activations => new(Enum.GetValues<Activation>());

    [Theory]
    [MemberData(nameof(Activations))]
    public void DenseWithEachActivation(Activation activation)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var dense = Dense(activation, 7, 5);
        BackwardCheck.Matches(dense, randn(6, 7), x => dense.Call(x), (g, x, y) => dense.Backward(g, x, y), $"Dense({activation})");
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Gelu)]
    public void DenseOnAHigherRankInput(Activation activation)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var dense = Dense(activation, 4, 3);
        BackwardCheck.Matches(dense, randn(2, 5, 4), x => dense.Call(x), (g, x, y) => dense.Backward(g, x, y), "Dense on (2, 5, 4)");
    }

    [Fact]
    public void DenseWithoutBiasAndItsWeightsOnlyForm()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var dense = new Dense(3, Activation.Tanh, useBias: false);
        dense.Build(4);
        dense.to(ScalarType.Float64);
        BackwardCheck.Matches(dense, randn(5, 4), x => dense.Call(x), (g, x, y) => { dense.BackwardWeights(g, x, y); return null; }, "Dense.BackwardWeights");
    }

    [Fact]
    public void DenseLinearFormsAreTheBackwardOfCallLinear()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var dense = Dense(Activation.Softmax, 6, 4);
        BackwardCheck.Matches(dense, randn(3, 6), x => dense.CallLinear(x), (g, x, _) => dense.BackwardLinear(g, x), "Dense.BackwardLinear");
        BackwardCheck.Matches(dense, randn(3, 6), x => dense.CallLinear(x), (g, x, _) => { dense.BackwardLinearWeights(g, x); return null; }, "Dense.BackwardLinearWeights");
    }

    [Fact]
    public void DenseAccumulatesIntoTheGradientBuffersItFinds()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var dense = Dense(Activation.Linear, 3, 2);
        var kernel = dense.Kernel!;
        kernel.grad = ones_like(kernel);
        dense.Bias!.grad = zeros_like(dense.Bias!);
        var buffer = kernel.grad;
        var (x, g) = (randn(4, 3, dtype: ScalarType.Float64), randn(4, 2, dtype: ScalarType.Float64));

        using (no_grad())
        {
            dense.BackwardLinear(g, x);
        }

        // Added in place: the buffer the optimizer holds sees the sum.
        BackwardCheck.AssertClose(x.t().mm(g) + 1, buffer, "kernel.grad after one accumulation");
    }

    [Fact]
    public void DenseWritesTheInputGradientIntoTheBufferGiven()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var dense = Dense(Activation.Relu, 3, 2);
        dense.Kernel!.grad = zeros_like(dense.Kernel!);
        dense.Bias!.grad = zeros_like(dense.Bias!);
        var x = randn(4, 3, dtype: ScalarType.Float64);
        var into = full(4, 3, double.NaN, dtype: ScalarType.Float64);
        using (no_grad())
        {
            var y = dense.Call(x);
            var g = randn_like(y);
            var expected = dense.Backward(g, x, y);
            Assert.Same(into, dense.Backward(g, x, y, into));
            BackwardCheck.AssertClose(expected, into, "the gradient written into the buffer");
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void ActivationLayerWithEachActivation(Activation activation)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var layer = new ActivationLayer(activation);
        BackwardCheck.Matches(layer, randn(4, 6) * 3, x => layer.Call(x), (g, x, y) => layer.Backward(g, x, y), $"ActivationLayer({activation})");
    }

    [Fact]
    public void DropoutBackwardMultipliesByTheSavedMask()
    {
        using var scope = NewDisposeScope();
        var layer = new Dropout(0.4);
        var x = randn(50, 20, dtype: ScalarType.Float64).requires_grad_(true);
        manual_seed(8);
        var y = layer.Call(x, training: true);
        var g = randn_like(y);
        y.backward([g]);

        manual_seed(8);
        using (no_grad())
        {
            var explicitOutput = layer.Call(x.detach(), training: true, out var mask);
            BackwardCheck.AssertClose(y.detach(), explicitOutput, "Dropout output with its mask");
            BackwardCheck.AssertClose(x.grad!, layer.Backward(g, mask), "Dropout input gradient");
            var dropped = mask!.eq(0).to_type(ScalarType.Float64).mean().item<double>();
            Assert.InRange(dropped, 0.3, 0.5);
        }
    }

    [Fact]
    public void DropoutInInferenceHasNoMask()
    {
        var layer = new Dropout(0.4);
        var x = randn(3, 3);
        Assert.Same(x, layer.Call(x, training: false, out var mask));
        Assert.Null(mask);
        Assert.Same(x, layer.Backward(x, mask));
    }

    [Fact]
    public void FlattenReshapeAndPermuteMoveTheGradientBack()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var flatten = new Flatten();
        var reshape = new Reshape(6, 4);
        var permute = new Permute(3, 1, 2);
        var x = randn(2, 3, 4, 2);
        BackwardCheck.Matches(flatten, x, t => flatten.Call(t), (g, t, y) => flatten.Backward(g, t, y), "Flatten");
        BackwardCheck.Matches(reshape, x, t => reshape.Call(t), (g, t, y) => reshape.Backward(g, t, y), "Reshape");
        BackwardCheck.Matches(permute, x, t => permute.Call(t) * 2, (g, t, y) => permute.Backward(g * 2, t, y), "Permute");
    }

    private static Dense Dense(Activation activation, int inputs, int units)
    {
        var dense = new Dense(units, activation);
        dense.Build(inputs);
        dense.to(ScalarType.Float64);
        // A non-zero bias, so relu and friends see both signs.
        using (no_grad())
        {
            dense.Bias!.normal_();
        }

        return dense;
    }
}
