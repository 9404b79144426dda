using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class PermuteTests
{
    [Fact]
    public void Conforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Permute(3, 1, 2),
        BuildShape = [2, 3, 4],
        Shapes = [([5, 2, 3, 4], [5, 4, 2, 3]), ([1, 2, 3, 4], [1, 4, 2, 3])],
        Trainable = 0,
        WeightNames = [],
        // y[b, k, i, j] = x[b, i, j, k], written as two swaps.
        Reference = (_, x) => x.transpose(2, 3).transpose(1, 2),
    });

    [Fact]
    public void SwapsTheTwoAxesOfASequence()
    {
        var x = arange(6, ScalarType.Float32).reshape(1, 2, 3);
        Numerics.AssertClose(Numerics.Doubles([0, 3, 1, 4, 2, 5], 1, 3, 2), new Permute(2, 1).Call(x), 0, "(batch, 3, 2)");
        Assert.Equal([2, 1], new Permute(2, 1).Dims);
    }

    [Fact]
    public void RejectsWhatIsNotAPermutation()
    {
        Assert.Contains("permutation of 1..2 (1-based, the batch axis 0 stays first), found (0, 1)",
            Assert.Throws<ArgumentException>(() => new Permute(0, 1)).Message);
        Assert.Contains("found (1, 1, 3)", Assert.Throws<ArgumentException>(() => new Permute(1, 1, 3)).Message);
        Assert.Contains("expects inputs of rank 3 (batch plus 2 axes to permute), found shape (2, 3, 4, 5)",
            Assert.Throws<ArgumentException>(() => new Permute(2, 1).Call(zeros(2, 3, 4, 5))).Message);
    }
}
