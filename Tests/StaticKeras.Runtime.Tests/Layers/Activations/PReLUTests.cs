using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Activations;

public sealed class PReLUTests
{
    [Theory]
    [InlineData(null, new long[] { 3, 4 })]
    [InlineData(new[] { 1 }, new long[] { 1, 4 })]
    [InlineData(new[] { 1, 2 }, new long[] { 1, 1 })]
    public void Conforms(int[]? sharedAxes, long[] alphaShape) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new PReLU(sharedAxes),
        BuildShape = [3, 4],
        Shapes = [([2, 3, 4], [2, 3, 4]), ([1, 3, 4], [1, 3, 4])],
        Trainable = alphaShape[0] * alphaShape[1],
        WeightNames = ["alpha"],
        MakeInput = (shape, dtype) => Numerics.AwayFrom(randn(shape, dtype), [0]),
        Perturb = layer =>
        {
            var prelu = (PReLU)layer;
            Assert.Equal(alphaShape, prelu.Alpha.shape);
            Assert.Equal(0, prelu.Alpha.abs().sum().item<float>());   // Keras' alpha_initializer: zeros
            prelu.Alpha.uniform_(-0.5, 0.8);
        },
        Reference = (layer, x) => where(x >= 0, x, ((PReLU)layer).Alpha * x),
    });

    [Fact]
    public void RejectsTheBatchAxisAndAxesOutsideTheInput()
    {
        Assert.Contains("the batch is axis 0", Assert.Throws<ArgumentException>(() => new PReLU([0])).Message);
        Assert.Contains("must name axes of an input of rank 3", Assert.Throws<ArgumentException>(() => new PReLU([3]).Build(3, 4)).Message);
        Assert.Contains("needs the axis 1 dimension known", Assert.Throws<ArgumentException>(() => new PReLU([2]).Build(-1, 4)).Message);
        var built = new PReLU([1]);
        built.Build(3, 4);
        Assert.Contains("built for inputs (batch, 1, 4)", Assert.Throws<ArgumentException>(() => built.Call(zeros(2, 3, 5))).Message);
    }
}
