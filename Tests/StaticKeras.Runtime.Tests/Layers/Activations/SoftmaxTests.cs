using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Activations;

public sealed class SoftmaxTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-2)]
    public void Conforms(int axis) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Softmax(axis),
        BuildShape = [3, 4],
        Shapes = [([2, 3, 4], [2, 3, 4])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) =>
        {
            var e = (x - x.amax([axis], keepdim: true)).exp();
            return e / e.sum(axis, keepdim: true);
        },
    });

    [Fact]
    public void MatchesKerasAlongAxisOne()
    {
        // Keras 3.16: keras.layers.Softmax(axis=1)([[[1, 2], [3, 5]]]).
        Numerics.AssertClose(Numerics.Doubles([0.11920291930437088, 0.04742587357759476, 0.8807970285415649, 0.9525741338729858], 1, 2, 2),
            new Softmax(1).Call(Numerics.Doubles([1, 2, 3, 5], 1, 2, 2)), 1e-7, "Softmax(axis: 1)");
    }

    [Fact]
    public void MaskedPositionsGetNoWeightAndAFullyMaskedRowIsZero()
    {
        var x = Numerics.Doubles([1, 2, 3, 4, 5, 6], 2, 3);
        var mask = tensor(new[] { true, false, true, false, false, false }).reshape(2, 3);
        double a = Math.Exp(1), c = Math.Exp(3);
        Numerics.AssertClose(Numerics.Doubles([a / (a + c), 0, c / (a + c), 0, 0, 0], 2, 3), new Softmax().Call(x, mask), 1e-12, "masked");
    }

    [Fact]
    public void RejectsTheBatchAxisAndAxesOutsideTheInput()
    {
        Assert.Contains("axis 0 must name a non-batch axis of inputs of rank 2", Assert.Throws<ArgumentException>(() => new Softmax(0).Call(zeros(2, 3))).Message);
        Assert.Contains("axis 2 must name", Assert.Throws<ArgumentException>(() => new Softmax(2).Call(zeros(2, 3))).Message);
    }
}
