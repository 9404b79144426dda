using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class AveragePooling2DTests
{
    [Theory]
    [InlineData(2, 2, -1, -1, Padding.Valid, 3, 4)]
    [InlineData(2, 2, -1, -1, Padding.Same, 4, 4)]
    [InlineData(3, 2, 2, 1, Padding.Valid, 3, 7)]
    [InlineData(3, 3, 2, 3, Padding.Same, 4, 3)]
    [InlineData(1, 1, -1, -1, Padding.Same, 7, 8)]
    public void Conforms(int poolH, int poolW, int strideH, int strideW, Padding padding, long outH, long outW)
    {
        // input (7, 8, 3); strides -1 means Keras' None (the pool size).
        Size2D? strides = strideH < 0 ? null : (strideH, strideW);
        long[] s = strideH < 0 ? [poolH, poolW] : [strideH, strideW];
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new AveragePooling2D((poolH, poolW), strides, padding),
            BuildShape = [7, 8, 3],
            Shapes = [([2, 7, 8, 3], [2, outH, outW, 3]), ([1, 7, 8, 3], [1, outH, outW, 3])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => ReferencePooling.Pool2D(x, [poolH, poolW], s, padding == Padding.Same, max: false),
        });
    }

    [Fact]
    public void DefaultsAreKerasAndThePoolSizeIsRequired()
    {
        // Keras: AveragePooling2D() raises "missing 1 required positional argument: 'pool_size'".
        Assert.False(typeof(AveragePooling2D).GetConstructors()[0].GetParameters()[0].IsOptional);
        var pool = new AveragePooling2D(2);
        Assert.Equal(new Size2D(2, 2), pool.PoolSize);
        Assert.Equal(new Size2D(2, 2), pool.Strides);
        Assert.Equal(Padding.Valid, pool.Padding);
        Assert.Equal([1L, 14, 14, 8], pool.Call(zeros(1, 28, 28, 8)).shape);
        Assert.Equal([1L, 9, 9, 8], new AveragePooling2D(3).Call(zeros(1, 28, 28, 8)).shape);
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("AveragePooling2D: poolSize must be a positive integer, found 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new AveragePooling2D((2, 0))).Message);
        Assert.Contains("padding must be Valid or Same, found Causal",
            Assert.Throws<ArgumentException>(() => new AveragePooling2D(2, padding: Padding.Causal)).Message);
        Assert.Contains("expects inputs of rank 4 (batch, height, width, channels), found shape (2, 8, 8)",
            Assert.Throws<ArgumentException>(() => new AveragePooling2D(2).Call(zeros(2, 8, 8))).Message);
        Assert.Contains("the window spans 3 along width (size 3, dilation 1) but the input has 2",
            Assert.Throws<ArgumentException>(() => new AveragePooling2D(3).Build(5, 2, 1)).Message);
        Assert.Contains("expects floating-point inputs, found Int64",
            Assert.Throws<ArgumentException>(() => new AveragePooling2D(2).Call(zeros(1, 4, 4, 1, ScalarType.Int64))).Message);
    }

    [Fact]
    public void SamePaddingLeavesPaddedCellsOutOfTheDivisor()
    {
        // x[i, j] = 3i + j on a 3x3 image, pool 2, stride 2: windows {0, 1, 3, 4}, {2, 5}, {6, 7}, {8}.
        var y = new AveragePooling2D(2, padding: Padding.Same).Call(arange(9, ScalarType.Float32).reshape(1, 3, 3, 1));
        Numerics.AssertClose(Numerics.Doubles([2, 3.5, 6.5, 8], 1, 2, 2, 1), y, 0, "same average pooling");
    }
}
