using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class ZeroPadding2DTests
{
    [Fact]
    public void ConformsWithAsymmetricPadding() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new ZeroPadding2D((1, 2), (0, 3)),
        BuildShape = [4, 5, 2],
        Shapes = [([2, 4, 5, 2], [2, 7, 8, 2]), ([1, 3, 3, 2], [1, 6, 6, 2])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => ReferenceConvolution.ZeroPad(x, 1, 2, 0, 3),
    });

    [Fact]
    public void DefaultsToOneCellAroundAndAcceptsKerasForms()
    {
        Assert.Equal((1, 1, 1, 1), Sides(new ZeroPadding2D()));
        Assert.Equal((2, 2, 2, 2), Sides(new ZeroPadding2D(2)));
        Assert.Equal((1, 1, 3, 3), Sides(new ZeroPadding2D((1, 3))));
        var y = new ZeroPadding2D().Call(ones(1, 1, 1, 1));
        Numerics.AssertClose(Numerics.Doubles([0, 0, 0, 0, 1, 0, 0, 0, 0], 1, 3, 3, 1), y, 0, "padded");
    }

    [Fact]
    public void RejectsNegativePaddingAndWrongRank()
    {
        Assert.Contains("left padding must be zero or positive, found -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ZeroPadding2D((0, 0), (-1, 0))).Message);
        Assert.Contains("expects inputs of rank 4", Assert.Throws<ArgumentException>(() => new ZeroPadding2D().Call(zeros(1, 2, 2))).Message);
    }

    private static (int, int, int, int) Sides(ZeroPadding2D layer) => (layer.Top, layer.Bottom, layer.Left, layer.Right);
}
