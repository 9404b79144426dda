using System;
using StaticKeras.Layers.Initializers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Initializers;

public sealed class InitializerTests
{
    [Theory]
    [InlineData(new long[] { }, 1, 1)]
    [InlineData(new long[] { 7 }, 7, 7)]
    [InlineData(new long[] { 784, 128 }, 784, 128)]
    [InlineData(new long[] { 3, 3, 32, 64 }, 9 * 32, 9 * 64)]
    [InlineData(new long[] { 5, 16, 8 }, 5 * 16, 5 * 8)]
    public void ComputesFansAsKeras(long[] shape, long fanIn, long fanOut) =>
        Assert.Equal((fanIn, fanOut), WeightInitializer.ComputeFans(shape));

    [Fact]
    public void GlorotUniformFillsItsKerasBound()
    {
        random.manual_seed(3);
        long[] shape = [3, 3, 40, 60];
        double limit = Math.Sqrt(6.0 / (9 * 40 + 9 * 60));
        Assert.Equal(limit, GlorotUniform.Limit(shape), 15);
        var w = new GlorotUniform().Create(shape);
        Assert.Equal(shape, w.shape);
        Assert.Equal(ScalarType.Float32, w.dtype);
        Assert.False(w.requires_grad);
        Assert.True(w.abs().max().item<float>() <= limit);
        Assert.True(w.min().item<float>() < -0.99 * limit && w.max().item<float>() > 0.99 * limit);
        // U(-l, l) has standard deviation l / sqrt(3); 32,400 draws estimate it within 1%.
        Assert.InRange(w.std().item<float>(), 0.99 * limit / Math.Sqrt(3), 1.01 * limit / Math.Sqrt(3));
    }

    [Fact]
    public void RandomUniformDefaultsToEmbeddingRange()
    {
        random.manual_seed(4);
        var init = new RandomUniform();
        Assert.Equal((-0.05, 0.05), (init.MinValue, init.MaxValue));
        var w = init.Create([100, 100], ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, w.dtype);
        Assert.True(w.min().item<double>() >= -0.05 && w.max().item<double>() <= 0.05);
        Assert.InRange(w.mean().item<double>(), -0.002, 0.002);
        Assert.Contains("minValue=1, maxValue=1", Assert.Throws<ArgumentException>(() => new RandomUniform(1, 1)).Message);
    }

    [Theory]
    [InlineData(8, 32)]
    [InlineData(32, 8)]
    [InlineData(6, 6)]
    public void OrthogonalHasOrthonormalRowsOrColumns(long rows, long columns)
    {
        random.manual_seed(5);
        var w = new Orthogonal().Create([rows, columns], ScalarType.Float64);
        Assert.Equal([rows, columns], w.shape);
        // Wide: W W^T = I; tall: W^T W = I.
        var gram = rows <= columns ? w.matmul(w.t()) : w.t().matmul(w);
        Numerics.AssertClose(eye(Math.Min(rows, columns), dtype: ScalarType.Float64), gram, 1e-12, "Gram matrix");
    }

    [Fact]
    public void OrthogonalAppliesGainAndFlattensLeadingAxes()
    {
        random.manual_seed(6);
        var w = new Orthogonal(gain: 2).Create([2, 3, 4], ScalarType.Float64).reshape(6, 4);
        Numerics.AssertClose(4 * eye(4, dtype: ScalarType.Float64), w.t().matmul(w), 1e-12, "Gram matrix with gain 2");
        Assert.Contains("at least 2 dimensions, found shape (5)", Assert.Throws<ArgumentException>(() => new Orthogonal().Create([5])).Message);
    }

    [Fact]
    public void ZerosAndOnes()
    {
        Numerics.AssertClose(zeros(2, 3), new Zeros().Create([2, 3]), 0, "zeros");
        Numerics.AssertClose(ones(4), new Ones().Create([4]), 0, "ones");
        Assert.Contains("must be positive, found shape (2, 0)", Assert.Throws<ArgumentException>(() => new Ones().Create([2, 0])).Message);
    }
}
