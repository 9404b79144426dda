using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Reshaping;

public sealed class CroppingTests
{
    [Fact]
    public void Cropping1DConforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Cropping1D((1, 2)),
        BuildShape = [6, 3],
        Shapes = [([2, 6, 3], [2, 3, 3]), ([1, 4, 3], [1, 1, 3])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => x[.., 1..^2, ..],
    });

    [Fact]
    public void Cropping2DConforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Cropping2D((1, 0), (0, 2)),
        BuildShape = [5, 6, 3],
        // Keras 3.16: Cropping2D(((1, 0), (0, 2))).compute_output_shape((None, 5, 6, 3)) = (None, 4, 4, 3).
        Shapes = [([2, 5, 6, 3], [2, 4, 4, 3])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => x[.., 1.., ..^2, ..],
    });

    [Fact]
    public void DefaultsAndKerasForms()
    {
        Assert.Equal((1, 1), (new Cropping1D().Start, new Cropping1D().End));
        Assert.Equal((3, 3), (new Cropping1D(3).Start, new Cropping1D(3).End));
        var symmetric = new Cropping2D((1, 2));
        Assert.Equal((1, 1, 2, 2), (symmetric.Top, symmetric.Bottom, symmetric.Left, symmetric.Right));
        var none = new Cropping2D();
        Assert.Equal((0, 0, 0, 0), (none.Top, none.Bottom, none.Left, none.Right));
    }

    [Fact]
    public void RejectsNegativeCroppingAndCroppingEverything()
    {
        Assert.Contains("end cropping must be zero or positive", Assert.Throws<ArgumentOutOfRangeException>(() => new Cropping1D((0, -1))).Message);
        Assert.Contains("left cropping must be zero or positive", Assert.Throws<ArgumentOutOfRangeException>(() => new Cropping2D((0, 0), (-1, 0))).Message);
        Assert.Contains("cropping 2 + 3 must be smaller than the input's steps 5", Assert.Throws<ArgumentException>(() => new Cropping1D((2, 3)).Build(5, 3)).Message);
        Assert.Contains("cropping 2 + 3 must be smaller than the input's height 5",
            Assert.Throws<ArgumentException>(() => new Cropping2D((2, 3), (0, 0)).Call(zeros(1, 5, 4, 3))).Message);
        Assert.Contains("expects inputs of rank 3", Assert.Throws<ArgumentException>(() => new Cropping1D().Call(zeros(2, 5))).Message);
    }
}
