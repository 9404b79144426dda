using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class DenseRuleTests
{
    [Fact]
    public void ReplacesTheLastDimensionWithUnits()
    {
        var result = DenseRule.Apply(TestShapes.Of(784), 128, useBias: true);

        Assert.Equal(TestShapes.Of(128), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 784, 128), WeightSpec.Of("bias", 128)], result.Weights);
        Assert.Equal(100_480, result.ParameterCount);
        Assert.Null(result.Error);
    }

    [Fact]
    public void WithoutBiasOnlyTheKernel()
    {
        var result = DenseRule.Apply(TestShapes.Of(16), 3, useBias: false);

        Assert.Equal([WeightSpec.Of("kernel", 16, 3)], result.Weights);
        Assert.Equal(48, result.ParameterCount);
    }

    [Fact]
    public void ActsOnTheLastAxisAndKeepsTheOthers()
    {
        var result = DenseRule.Apply(TestShapes.Of("time", null, 16), 8, useBias: true);

        Assert.Equal(TestShapes.Of("time", null, 8), result.Output);
        Assert.Equal(136, result.ParameterCount);
    }

    [Fact]
    public void NamedLastDimensionIsAnError()
    {
        var result = DenseRule.Apply(TestShapes.Of("time", "features"), 10, useBias: true);

        Assert.Null(result.Output);
        Assert.Equal(new ShapeError(ShapeErrorKind.UnknownLastDimension, TestShapes.Of("time", "features")), result.Error);
    }

    [Fact]
    public void UnknownLastDimensionIsAnError() =>
        Assert.Equal(ShapeErrorKind.UnknownLastDimension, DenseRule.Apply(TestShapes.Of((object?)null), 10, useBias: true).Error!.Kind);

    [Fact]
    public void ScalarInputIsTooLowARank() =>
        Assert.Equal(new ShapeError(ShapeErrorKind.RankTooLow, TestShapes.Of(), RequiredRank: 2), DenseRule.Apply(TestShapes.Of(), 10, useBias: true).Error);

    [Theory]
    [InlineData(1, true)]
    [InlineData(4096, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void UnitsMustBePositive(int units, bool valid) => Assert.Equal(valid, DenseRule.IsValidUnits(units));
}
