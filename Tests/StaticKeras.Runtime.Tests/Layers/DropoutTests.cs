using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public class DropoutTests
{
    [Fact]
    public void InferenceIsTheIdentity()
    {
        using var x = randn(4, 5);
        Approx.Equal(x, new Dropout(0.5).Call(x, training: false), 0);
    }

    [Fact]
    public void TrainingDropsAboutRateAndScalesSurvivorsByOneOverOneMinusRate()
    {
        manual_seed(4);
        using var x = ones(100_000);
        var y = Approx.Values(new Dropout(0.25).Call(x, training: true));
        Assert.All(y, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-6, $"value {v}"));
        var dropped = y.Count(v => v == 0) / (double)y.Length;
        Assert.InRange(dropped, 0.245, 0.255);   // binomial standard deviation ~0.0014
    }

    [Fact]
    public void PlannedBuffersGetTheSameDrawsAndValuesAsNewTensors()
    {
        var dropout = new Dropout(0.3);
        using var x = randn(16, 8);
        manual_seed(9);
        var y = dropout.Call(x, training: true, out var mask);
        using var noGrad = no_grad();
        var (into, maskInto, gradInto) = (empty(16, 8), empty(16, 8), empty(16, 8));
        manual_seed(9);

        var planned = dropout.Call(x, training: true, out var plannedMask, into, maskInto);
        var gradient = dropout.Backward(x, plannedMask, gradInto);

        Assert.Same(into, planned);
        Assert.Same(maskInto, plannedMask);
        Assert.Same(gradInto, gradient);
        Assert.True(y.allclose(planned, rtol: 0, atol: 0) && mask!.allclose(plannedMask!, rtol: 0, atol: 0), "another draw or other values");
        Assert.True(dropout.Backward(x, mask).allclose(gradient, rtol: 0, atol: 0));
    }

    [Fact]
    public void ANoiseShapedMaskIsNotWrittenIntoABufferOfTheInputsShape()
    {
        var dropout = new Dropout(0.5, noiseShape: [null, 1]);
        using var x = randn(4, 6);
        using var noGrad = no_grad();
        var maskInto = empty(4, 6);

        dropout.Call(x, training: true, out var mask, empty(4, 6), maskInto);

        Assert.NotSame(maskInto, mask);
        Assert.Equal(new long[] { 4, 1 }, mask!.shape);
    }

    [Fact]
    public void GradientIsTheScaledMaskInDoublePrecision()
    {
        manual_seed(5);
        var x = (rand(50, dtype: ScalarType.Float64) + 0.5).requires_grad_();
        var y = new Dropout(0.4).Call(x, training: true);
        y.sum().backward();
        // y = x * mask / (1 - rate), so dy/dx = mask / (1 - rate), with mask = (y != 0) as x > 0.
        using var _ = no_grad();
        Approx.Equal(y.ne(0).to_type(ScalarType.Float64) / 0.6, x.grad!, 1e-12);
    }

    [Fact]
    public void RateZeroIsTheIdentityInTraining()
    {
        using var x = randn(3, 3);
        Approx.Equal(x, new Dropout(0).Call(x, training: true), 0);
    }

    [Fact]
    public void RateOneZeroesEverythingInTrainingAndIsTheIdentityInInference()
    {
        // Keras 3 accepts rate=1.0: Dropout(1.0)(ones((2, 3)), training=True) is all zeros.
        using var x = randn(3, 4, requires_grad: true);
        var drop = new Dropout(1.0);
        var y = drop.Call(x, training: true);
        Approx.Equal(zeros(3, 4), y, 0);
        y.sum().backward();
        Approx.Equal(zeros(3, 4), x.grad!, 0);
        Approx.Equal(x, drop.Call(x, training: false), 0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RejectsRatesOutsideZeroToOne(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(rate));
        Assert.Equal("rate", e.ParamName);
        Assert.StartsWith($"Dropout needs a rate in [0, 1]; got {rate}.", e.Message);
    }

    [Fact]
    public void NoiseShapeSharesTheMaskAlongItsAxesOfOne()
    {
        // Keras: Dropout(0.5, noise_shape=(None, 1, None)) on (batch, time, features) drops the same
        // features at every step; None takes the input's size, the mask broadcasts over the input.
        manual_seed(6);
        var drop = new Dropout(0.5, [null, 1, null]);
        var y = drop.Call(ones(8, 7, 16), training: true, out var mask);
        Assert.Equal([8L, 1, 16], mask!.shape);
        Assert.Equal([8L, 7, 16], y.shape);
        Assert.True(y.eq(y[.., 0..1, ..]).all().item<bool>(), "every step has the first step's mask");
        Assert.All(Approx.Values(y), v => Assert.True(v == 0 || v == 2, $"value {v}"));
        var dropped = y[.., 0, ..].eq(0).to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(dropped, 0.2, 0.8);
        Assert.Equal(new int?[] { null, 1, null }, drop.NoiseShape);

        // An entry equal to the input's size is the same as null.
        var sized = new Dropout(0.5, [null, 7, 1]).Call(ones(2, 7, 3), training: true, out var sizedMask);
        Assert.Equal([2L, 7, 1], sizedMask!.shape);
        Assert.True(sized.eq(sized[.., .., 0..1]).all().item<bool>());
    }

    [Fact]
    public void NoiseShapeGradientIsTheBroadcastMaskInDoublePrecision()
    {
        manual_seed(7);
        var drop = new Dropout(0.3, [1, null, 1]);
        var x = randn([3, 4, 5], ScalarType.Float64).requires_grad_();
        var y = drop.Call(x, training: true, out var mask);
        var gradOutput = randn([3, 4, 5], ScalarType.Float64);
        (y * gradOutput).sum().backward();
        using var _ = no_grad();
        Approx.Equal(x.grad!, drop.Backward(gradOutput, mask), 1e-12);
        Approx.Equal(x, drop.Call(x, training: false), 0);
    }

    [Fact]
    public void NoiseShapeMustHaveAPositiveEntryPerAxisThatBroadcasts()
    {
        Assert.Contains("noiseShape entries must be positive or null (Keras), found 0 in (None, 0)",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(0.5, [null, 0])).Message);
        Assert.Contains("noiseShape (None, 1) has 2 entries, but the input of shape (2, 3, 4) has rank 3",
            Assert.Throws<ArgumentException>(() => new Dropout(0.5, [null, 1]).Call(ones(2, 3, 4), training: true)).Message);
        Assert.Contains("axis 2 must be 1, null or 4, found 3",
            Assert.Throws<ArgumentException>(() => new Dropout(0.5, [null, 1, 3]).Call(ones(2, 3, 4), training: true)).Message);
        // Inference never draws a mask, as in Keras.
        Assert.Equal([2L, 3, 4], new Dropout(0.5, [null, 1, 3]).Call(ones(2, 3, 4)).shape);
    }
}
