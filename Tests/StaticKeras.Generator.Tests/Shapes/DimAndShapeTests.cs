using System;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class DimAndShapeTests
{
    [Fact]
    public void DimensionsDisplayAsSizeNameOrNone()
    {
        Assert.Equal("28", Dim.Known(28).ToString());
        Assert.Equal("time", Dim.Named("time").ToString());
        Assert.Equal("None", Dim.Unknown.ToString());
    }

    [Fact]
    public void OnlyKnownDimensionsAreKnown()
    {
        Assert.True(Dim.Known(1).IsKnown);
        Assert.False(Dim.Named("t").IsKnown);
        Assert.False(Dim.Unknown.IsKnown);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void KnownDimensionsArePositive(long size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Dim.Known(size));

    [Fact]
    public void ShapeDisplaysWithBatchOrAsKeras()
    {
        var shape = TestShapes.Of("time", 16, null);

        Assert.Equal("(batch, time, 16, None)", shape.ToString());
        Assert.Equal("(None, time, 16, None)", shape.ToKerasString());
        Assert.Equal("(batch)", TestShapes.Of().ToString());
    }

    [Fact]
    public void RankLastAndWithLast()
    {
        var shape = TestShapes.Of("time", 16);

        Assert.Equal(2, shape.Rank);
        Assert.Equal(Dim.Known(16), shape.Last);
        Assert.Equal(TestShapes.Of("time", 8), shape.WithLast(Dim.Known(8)));
    }

    [Fact]
    public void FullyKnownOnlyWhenEveryDimensionIsKnown()
    {
        Assert.True(TestShapes.Of(28, 28).IsFullyKnown);
        Assert.True(TestShapes.Of().IsFullyKnown);
        Assert.False(TestShapes.Of(28, "w").IsFullyKnown);
        Assert.False(TestShapes.Of(null, 28).IsFullyKnown);
    }

    [Fact]
    public void ShapesAreComparedByValue()
    {
        Assert.Equal(TestShapes.Of(28, "t"), TestShapes.Of(28, "t"));
        Assert.Equal(TestShapes.Of(28, "t").GetHashCode(), TestShapes.Of(28, "t").GetHashCode());
        Assert.NotEqual(TestShapes.Of(28, "t"), TestShapes.Of(28, "u"));
        Assert.NotEqual(TestShapes.Of(28), TestShapes.Of(28, 1));
    }

    [Fact]
    public void WeightsDisplayAsPythonTuplesAndCountTheirScalars()
    {
        Assert.Equal("kernel (784, 128)", WeightSpec.Of("kernel", 784, 128).ToString());
        Assert.Equal("bias (128,)", WeightSpec.Of("bias", 128).ToString());
        Assert.Equal(100_352, WeightSpec.Of("kernel", 784, 128).Count);
    }

    [Fact]
    public void ResultCountsParametersOfAllWeights()
    {
        var result = ShapeResult.Ok(TestShapes.Of(10), WeightSpec.Of("kernel", 128, 10), WeightSpec.Of("bias", 10));

        Assert.Equal(1_290, result.ParameterCount);
        Assert.Null(result.Error);
        Assert.Equal(0, ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankTooLow, TestShapes.Of(), 2)).ParameterCount);
    }
}
