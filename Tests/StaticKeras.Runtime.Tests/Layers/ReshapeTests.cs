using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class ReshapeTests
{
    [Fact]
    public void ConformsWithKnownShape() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Reshape(4, 6),
        BuildShape = [2, 3, 4],
        Shapes = [([2, 2, 3, 4], [2, 4, 6]), ([1, 2, 3, 4], [1, 4, 6])],
        Trainable = 0,
        WeightNames = [],
        // Row-major order, as Keras (ops.reshape): sample b's elements in order fill the new shape.
        Reference = (_, x) => x.flatten(1).view(x.shape[0], 4, 6),
    });

    [Fact]
    public void ConformsWithInferredAxis() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Reshape(-1, 2),
        BuildShape = [-1, 4],
        Shapes = [([3, 5, 4], [3, 10, 2]), ([3, 2, 4], [3, 4, 2])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => x.flatten(1).view(x.shape[0], x.shape[1] * 2, 2),
    });

    [Fact]
    public void ResolvesTheInferredAxis()
    {
        Assert.Equal([7L, 7, 64], new Reshape(7, -1, 64).OutputShape([3136]));
        Assert.Equal([-1L, 10], new Reshape(-1, 10).OutputShape([-1, 10]));
        Assert.Equal([2L, 3, 4], new Reshape(2, 3, 4).TargetShape);
    }

    [Fact]
    public void RejectsBadTargetsAndCounts()
    {
        Assert.Contains("at most one -1, found (-1, 2, -1)", Assert.Throws<ArgumentException>(() => new Reshape(-1, 2, -1)).Message);
        Assert.Contains("found (3, 0)", Assert.Throws<ArgumentException>(() => new Reshape(3, 0)).Message);
        Assert.Contains("found ()", Assert.Throws<ArgumentException>(() => new Reshape()).Message);
        Assert.Contains("cannot reshape input shape (batch, 28, 28) (784 elements per sample) to (batch, 7, 7, 64)",
            Assert.Throws<ArgumentException>(() => new Reshape(7, 7, 64).Build(28, 28)).Message);
        Assert.Contains("(batch, 5) (5 elements per sample) to (batch, -1, 2)",
            Assert.Throws<ArgumentException>(() => new Reshape(-1, 2).Call(zeros(3, 5))).Message);
    }
}
