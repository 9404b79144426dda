using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Activations;

public sealed class ReLUTests
{
    // Values from Keras 3.16 (numpy backend): keras.layers.ReLU(...)(x) on this x, printed as float32.
    private static readonly double[] X = [-3.0, -1.0, -0.25, 0.0, 0.5, 1.0, 2.5, 7.0];

    [Theory]
    [InlineData(null, 0.0, 0.0)]
    [InlineData(6.0, 0.1, 1.0)]
    [InlineData(2.0, 0.0, 0.0)]
    [InlineData(null, 0.2, 0.0)]
    [InlineData(null, 0.5, 0.3)]
    public void Conforms(double? maxValue, double negativeSlope, double threshold) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new ReLU(maxValue, negativeSlope, threshold),
        BuildShape = [3, 4],
        Shapes = [([2, 3, 4], [2, 3, 4]), ([5, 3, 4], [5, 3, 4])],
        Trainable = 0,
        WeightNames = [],
        // Inputs away from the kinks (0, the threshold, the cap), where the derivative is defined.
        MakeInput = (shape, dtype) => Numerics.AwayFrom(randn(shape, dtype) * 3, [0, threshold, maxValue ?? 0]),
        Reference = (_, x) =>
        {
            var above = x > threshold;
            var passed = maxValue is { } m ? x.clamp_max(m) : x;
            return where(above, passed, negativeSlope * (x - threshold));
        },
    });

    [Fact]
    public void MatchesKeras()
    {
        var x = tensor(X).reshape(1, 8);
        Numerics.AssertClose(Numerics.Doubles([-0.4, -0.2, -0.125, -0.1, -0.05, 0.0, 2.5, 6.0], 1, 8),
            new ReLU(maxValue: 6, negativeSlope: 0.1, threshold: 1).Call(x), 1e-7, "ReLU(6, 0.1, 1)");
        Numerics.AssertClose(Numerics.Doubles([0, 0, 0, 0, 0.5, 1, 2, 2], 1, 8), new ReLU(maxValue: 2).Call(x), 0, "ReLU(2)");
    }

    [Fact]
    public void RejectsNegativeArguments()
    {
        Assert.Contains("maxValue cannot be negative, found -1", Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(maxValue: -1)).Message);
        Assert.Contains("negativeSlope cannot be negative", Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(negativeSlope: -0.1)).Message);
        Assert.Contains("threshold cannot be negative", Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(threshold: double.NaN)).Message);
    }
}
