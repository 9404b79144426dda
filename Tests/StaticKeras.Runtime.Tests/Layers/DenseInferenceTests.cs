using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// Dense in inference mode avoids libtorch's slow paths for a layer of few units over many rows (a
/// transposed kernel copy for the product, the softmax across rows): the values must be those of the
/// usual product (up to the last bit), in the Keras layout, contiguous, for every activation, and the
/// same for a row whatever batch of 16 rows or more it is in; outside inference mode nothing changes.
/// </summary>
public class DenseInferenceTests
{
    [Theory]
    [InlineData(Activation.Softmax, 16)]
    [InlineData(Activation.Softmax, 33)]
    [InlineData(Activation.Softmax, 64)]
    [InlineData(Activation.Softmax, 130)]
    [InlineData(Activation.Relu, 20)]
    [InlineData(Activation.Relu, 64)]
    [InlineData(Activation.Sigmoid, 200)]
    [InlineData(Activation.Linear, 128)]
    [InlineData(Activation.Gelu, 64)]
    public void FewUnitsOverManyRowsGiveTheUsualValuesInTheKerasLayout(Activation activation, int rows)
    {
        manual_seed(80);
        var dense = new Dense(10, activation);
        dense.Build(128);
        using var x = randn(rows, 128);
        using var expected = ActivationFunctions.Apply(addmm(dense.Bias!, x, dense.Kernel!, beta: 1, alpha: 1), activation).detach();

        using var mode = inference_mode();
        var output = dense.Call(x);
        var linear = dense.CallLinear(x);

        Assert.Equal([(long)rows, 10], output.shape);
        Assert.True(output.is_contiguous());
        Assert.True(linear.is_contiguous());
        Approx.Equal(expected, output, 1e-5);
        Approx.Equal(addmm(dense.Bias!, x, dense.Kernel!, beta: 1, alpha: 1), linear, 1e-5);
    }

    [Fact]
    public void ARowGetsTheSameValuesWhateverBatchItIsIn()
    {
        manual_seed(83);
        var dense = new Dense(10, Activation.Softmax);
        dense.Build(128);
        using var x = randn(200, 128);
        using var mode = inference_mode();
        var whole = dense.Call(x);
        foreach (var (start, length) in new[] { (0, 64), (64, 136), (7, 100), (100, 100), (0, 16), (16, 32), (50, 17), (150, 50) })
        {
            Assert.True(whole.narrow(0, start, length).eq(dense.Call(x.narrow(0, start, length))).all().item<bool>(), $"rows {start} to {start + length}");
        }
    }

    [Fact]
    public void WithoutBiasToo()
    {
        manual_seed(81);
        var dense = new Dense(3, Activation.Softmax, useBias: false);
        dense.Build(16);
        using var x = randn(96, 16);
        using var fewer = randn(20, 16);
        using var expectedFewer = fewer.mm(dense.Kernel!).softmax(-1).detach();
        using var expected = x.mm(dense.Kernel!).softmax(-1).detach();
        using var mode = inference_mode();
        Approx.Equal(expected, dense.Call(x), 1e-6);
        Approx.Equal(expectedFewer, dense.Call(fewer), 1e-6);
    }

    [Fact]
    public void OutsideInferenceModeTheProductIsTheUsualOneBitForBit()
    {
        manual_seed(82);
        var dense = new Dense(10, Activation.Softmax);
        dense.Build(128);
        using var x = randn(128, 128);
        using var noGrad = no_grad();
        using var expected = addmm(dense.Bias!, x, dense.Kernel!, beta: 1, alpha: 1).softmax(-1);
        Assert.True(expected.eq(dense.Call(x)).all().item<bool>());
    }
}
