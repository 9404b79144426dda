using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class LayerNormalizationTests
{
    [Theory]
    [InlineData(new[] { -1 }, new long[] { 5 }, true, true)]
    [InlineData(new[] { 1, 2 }, new long[] { 3, 4 }, true, true)]
    [InlineData(new[] { -1, 1 }, new long[] { 3, 5 }, false, true)]
    [InlineData(new[] { 2 }, new long[] { 4 }, true, false)]
    public void Conforms(int[] axis, long[] parameterShape, bool center, bool scale)
    {
        // input (3, 4, 5); axes count the batch as 0.
        long[] normalized = axis.Select(a => (long)(a < 0 ? a + 4 : a)).Order().ToArray();
        long size = parameterShape.Aggregate(1L, (a, b) => a * b);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new LayerNormalization(axis, center: center, scale: scale),
            BuildShape = [3, 4, 5],
            Shapes = [([2, 3, 4, 5], [2, 3, 4, 5]), ([1, 3, 4, 5], [1, 3, 4, 5])],
            Trainable = size * ((center ? 1 : 0) + (scale ? 1 : 0)),
            WeightNames = [.. scale ? new[] { "gamma" } : [], .. center ? new[] { "beta" } : []],
            Perturb = layer =>
            {
                var ln = (LayerNormalization)layer;
                Assert.Equal(parameterShape, (ln.Gamma ?? ln.Beta!).shape);
                ln.Gamma?.uniform_(0.5, 2);
                ln.Beta?.uniform_(-1, 1);
            },
            Reference = (layer, x) =>
            {
                var ln = (LayerNormalization)layer;
                // Move the normalized axes last and flatten them: each row is one group normalized together.
                long[] others = Enumerable.Range(0, 4).Select(a => (long)a).Except(normalized).ToArray();
                var moved = x.permute([.. others, .. normalized]);
                var rows = moved.reshape(-1, size);
                var mean = rows.sum(1, keepdim: true) / size;
                var variance = (rows - mean).square().sum(1, keepdim: true) / size;
                var y = (rows - mean) / (variance + 1e-3).sqrt();
                y = ln.Gamma is null ? y : y * ln.Gamma.reshape(-1);
                y = ln.Beta is null ? y : y + ln.Beta.reshape(-1);
                var inverse = new long[4];
                long[] order = [.. others, .. normalized];
                for (int i = 0; i < 4; i++)
                {
                    inverse[order[i]] = i;
                }

                return y.reshape(moved.shape).permute(inverse);
            },
        });
    }

    [Fact]
    public void NormalizesEachSampleWithKerasEpsilon()
    {
        // [1, 2, 3, 6]: mean 3, biased variance 3.5, epsilon 1e-3.
        var y = new LayerNormalization().Call(tensor(new double[] { 1, 2, 3, 6 }).reshape(1, 4));
        Numerics.AssertClose(Numerics.Doubles([-2, -1, 0, 3], 1, 4) / Math.Sqrt(3.501), y, 1e-15, "normalized");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("the batch is axis 0), found [0, 1]", Assert.Throws<ArgumentException>(() => new LayerNormalization([0, 1])).Message);
        Assert.Contains("epsilon must be positive, found -1", Assert.Throws<ArgumentOutOfRangeException>(() => new LayerNormalization(epsilon: -1)).Message);
        Assert.Contains("must name distinct feature axes of an input of rank 3",
            Assert.Throws<ArgumentException>(() => new LayerNormalization([2, -1]).Build(4, 5)).Message);
        Assert.Contains("must name distinct feature axes", Assert.Throws<ArgumentException>(() => new LayerNormalization([3]).Build(4, 5)).Message);
        var ln = new LayerNormalization();
        ln.Build(4, 5);
        Assert.Contains("built for rank 3 with sizes (5) on axes [2], found inputs of shape (2, 4, 6)",
            Assert.Throws<ArgumentException>(() => ln.Call(zeros(2, 4, 6))).Message);
    }
}
