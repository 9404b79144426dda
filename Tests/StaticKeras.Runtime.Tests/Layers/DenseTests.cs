using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public class DenseTests
{
    [Fact]
    public void BuildAllocatesKerasLayoutWeightsNamedKernelAndBias()
    {
        var dense = new Dense(128, Activation.Relu);
        dense.Build(784);
        Assert.Equal([784L, 128], dense.Kernel!.shape);
        Assert.Equal([128L], dense.Bias!.shape);
        Assert.Equal(["kernel", "bias"], dense.state_dict().Keys.ToArray());
        Assert.Equal(ScalarType.Float32, dense.Kernel.dtype);
        Assert.True(dense.Kernel.requires_grad);
    }

    [Fact]
    public void KernelIsGlorotUniformAndBiasZeros()
    {
        manual_seed(1);
        var dense = new Dense(128);
        dense.Build(784);
        var limit = Math.Sqrt(6.0 / (784 + 128));
        var kernel = Approx.Values(dense.Kernel!);
        Assert.All(kernel, k => Assert.InRange(k, -limit, limit));
        // U(-limit, limit) has standard deviation limit / sqrt(3); 100,352 draws pin it within 1%.
        var mean = kernel.Average();
        var std = Math.Sqrt(kernel.Select(k => (k - mean) * (k - mean)).Average());
        Assert.InRange(std / (limit / Math.Sqrt(3)), 0.99, 1.01);
        Assert.InRange(Math.Abs(mean), 0, limit / 100);
        Assert.All(Approx.Values(dense.Bias!), b => Assert.Equal(0, b));
    }

    [Fact]
    public void WithoutBiasOnlyKernelIsRegistered()
    {
        var dense = new Dense(3, useBias: false);
        dense.Build(2);
        Assert.Null(dense.Bias);
        Assert.Equal(["kernel"], dense.state_dict().Keys.ToArray());
        using var x = tensor(new float[] { 1, 2 }).reshape(1, 2);
        Approx.Equal(x.mm(dense.Kernel!), dense.Call(x), 1e-6);
    }

    [Fact]
    public void CallIsActivationOfInputsTimesKernelPlusBias()
    {
        var dense = WithWeights(new Dense(2, Activation.Relu), new double[,] { { 1, -1 }, { 2, 0.5 }, { -3, 1 } }, [0.5, -0.25]);
        using var x = tensor(new float[] { 1, 2, 3, -1, 0, 1 }).reshape(2, 3);
        // row 0: [1 + 4 - 9 + 0.5, -1 + 1 + 3 - 0.25] = [-3.5, 2.75] -> relu [0, 2.75]
        // row 1: [-1 + 0 - 3 + 0.5, 1 + 0 + 1 - 0.25] = [-3.5, 1.75] -> relu [0, 1.75]
        Approx.Equal([-3.5, 2.75, -3.5, 1.75], dense.CallLinear(x), 1e-6);
        Approx.Equal([0, 2.75, 0, 1.75], dense.Call(x), 1e-6);
    }

    [Fact]
    public void ActsOnTheLastAxisOfHigherRanks()
    {
        manual_seed(2);
        var dense = new Dense(4, Activation.Tanh);
        dense.Build(5, 3);
        using var x = randn(2, 5, 3);
        var y = dense.Call(x);
        Assert.Equal([2L, 5, 4], y.shape);
        Approx.Equal(x.matmul(dense.Kernel!).add(dense.Bias!).tanh(), y, 1e-6);
    }

    [Fact]
    public void GradientsMatchTheHandDerivedBackwardInDoublePrecision()
    {
        manual_seed(3);
        var dense = new Dense(4, Activation.Sigmoid);
        dense.Build(3);
        dense.to(ScalarType.Float64);
        var x = randn(5, 3, dtype: ScalarType.Float64).requires_grad_();
        var upstream = randn(5, 4, dtype: ScalarType.Float64);
        (dense.Call(x) * upstream).sum().backward();

        // y = sigmoid(z), z = x W + b:  dz = upstream * y (1 - y);  dW = x^T dz;  db = sum dz;  dx = dz W^T
        using var _ = no_grad();
        var y = dense.Call(x);
        var dz = upstream * y * (1 - y);
        Approx.Equal(x.t().mm(dz), dense.Kernel!.grad!, 1e-12);
        Approx.Equal(dz.sum(dim: 0), dense.Bias!.grad!, 1e-12);
        Approx.Equal(dz.mm(dense.Kernel!.t()), x.grad!, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RejectsUnitsBelowOne(int units)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(units));
        Assert.Equal("units", e.ParamName);
        Assert.StartsWith($"Dense needs units > 0; got {units}.", e.Message);
    }

    [Fact]
    public void CallBeforeBuildSaysWhatToDo()
    {
        using var x = ones(2, 3);
        var e = Assert.Throws<InvalidOperationException>(() => new Dense(4).Call(x));
        Assert.Equal("Dense(units=4) has no weights yet: call Build(inputShape) first (generated model constructors do).", e.Message);
    }

    [Fact]
    public void WrongFeatureCountNamesBothShapes()
    {
        var dense = new Dense(4);
        dense.Build(3);
        using var x = ones(2, 5);
        var e = Assert.Throws<ArgumentException>(() => dense.Call(x));
        Assert.StartsWith("Dense(units=4) expects inputs of shape (batch, ..., 3); got (2, 5).", e.Message);
    }

    [Fact]
    public void BuildNeedsAKnownLastAxisAndHappensOnce()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(4).Build(7, -1));
        Assert.StartsWith("Dense(units=4) needs an input of shape (batch, ..., input_dim) with a known input_dim; got (batch, 7, None).", e.Message);
        var dense = new Dense(4);
        dense.Build(3);
        Assert.Throws<InvalidOperationException>(() => dense.Build(3));
    }

    internal static Dense WithWeights(Dense dense, double[,] kernel, double[] bias)
    {
        dense.Build(kernel.GetLength(0));
        using var _ = no_grad();
        dense.Kernel!.copy_(tensor(kernel, dtype: ScalarType.Float32));
        dense.Bias!.copy_(tensor(bias, dtype: ScalarType.Float32));
        return dense;
    }
}
