using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class AveragePooling1DTests
{
    [Theory]
    [InlineData(2, -1, Padding.Valid, 4)]
    [InlineData(2, -1, Padding.Same, 5)]
    [InlineData(3, 2, Padding.Valid, 4)]
    [InlineData(4, 3, Padding.Same, 3)]
    public void Conforms(int pool, int stride, Padding padding, long steps)
    {
        // input (9, 3); stride -1 means Keras' None (the pool size).
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new AveragePooling1D(pool, stride < 0 ? null : stride, padding),
            BuildShape = [9, 3],
            Shapes = [([2, 9, 3], [2, steps, 3]), ([4, 9, 3], [4, steps, 3])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => ReferencePooling.Pool1D(x, pool, stride < 0 ? pool : stride, padding == Padding.Same, max: false),
        });
    }

    [Fact]
    public void DefaultsAreKerasAndThePoolSizeIsRequired()
    {
        Assert.False(typeof(AveragePooling1D).GetConstructors()[0].GetParameters()[0].IsOptional);
        var pool = new AveragePooling1D(2);
        Assert.Equal((2, 2, Padding.Valid), (pool.PoolSize, pool.Strides, pool.Padding));
        Assert.Equal([3L, 5, 4], pool.Call(zeros(3, 11, 4)).shape);
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("AveragePooling1D: strides must be a positive integer, found 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new AveragePooling1D(2, 0)).Message);
        Assert.Contains("expects inputs of rank 3 (batch, steps, channels), found shape (2, 8, 8, 1)",
            Assert.Throws<ArgumentException>(() => new AveragePooling1D(2).Call(zeros(2, 8, 8, 1))).Message);
        Assert.Contains("the window spans 4 along steps",
            Assert.Throws<ArgumentException>(() => new AveragePooling1D(4).Call(zeros(1, 3, 2))).Message);
    }
}
