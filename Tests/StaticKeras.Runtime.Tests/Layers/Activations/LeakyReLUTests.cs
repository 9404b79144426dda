using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Activations;

public sealed class LeakyReLUTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Conforms(double slope) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new LeakyReLU(slope),
        BuildShape = [6],
        Shapes = [([2, 6], [2, 6]), ([3, 6], [3, 6])],
        Trainable = 0,
        WeightNames = [],
        MakeInput = (shape, dtype) => Numerics.AwayFrom(randn(shape, dtype), [0]),
        Reference = (_, x) => where(x >= 0, x, slope * x),
    });

    [Fact]
    public void DefaultsToKeras3sSlopeOfPointThree()
    {
        // Keras 3.16: keras.layers.LeakyReLU()([-3, -1, -0.25, 0, 0.5]) = [-0.9, -0.3, -0.075, 0, 0.5].
        Assert.Equal(0.3, new LeakyReLU().NegativeSlope);
        Numerics.AssertClose(Numerics.Doubles([-0.9, -0.3, -0.075, 0, 0.5], 1, 5),
            new LeakyReLU().Call(Numerics.Doubles([-3, -1, -0.25, 0, 0.5], 1, 5)), 1e-15, "LeakyReLU()");
    }

    [Fact]
    public void RejectsANegativeSlope() =>
        Assert.Contains("negativeSlope cannot be negative, found -0.5", Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(-0.5)).Message);
}
