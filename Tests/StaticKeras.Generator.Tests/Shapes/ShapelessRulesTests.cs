using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>Flatten, Dropout and ActivationLayer: layers without weights.</summary>
public sealed class ShapelessRulesTests
{
    [Fact]
    public void FlattenMultipliesKnownDimensions()
    {
        var result = FlattenRule.Apply(TestShapes.Of(26, 26, 32));

        Assert.Equal(TestShapes.Of(21_632), result.Output);
        Assert.Empty(result.Weights);
    }

    [Fact]
    public void FlattenOfANamedDimensionIsUnknown() =>
        Assert.Equal(TestShapes.Of((object?)null), FlattenRule.Apply(TestShapes.Of("height", 28)).Output);

    [Fact]
    public void FlattenOfAnUnknownDimensionIsUnknown() =>
        Assert.Equal(TestShapes.Of((object?)null), FlattenRule.Apply(TestShapes.Of(28, null)).Output);

    [Fact]
    public void FlattenOfScalarsGivesOneFeature() =>
        Assert.Equal(TestShapes.Of(1), FlattenRule.Apply(TestShapes.Of()).Output);

    [Fact]
    public void DropoutKeepsTheShape()
    {
        var result = DropoutRule.Apply(TestShapes.Of("time", 16));

        Assert.Equal(TestShapes.Of("time", 16), result.Output);
        Assert.Empty(result.Weights);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.5, true)]
    [InlineData(0.999, true)]
    [InlineData(1.0, true)]
    [InlineData(1.01, false)]
    [InlineData(-0.1, false)]
    [InlineData(double.NaN, false)]
    public void DropoutRateIsInZeroToOneInclusive(double rate, bool valid) => Assert.Equal(valid, DropoutRule.IsValidRate(rate));

    [Fact]
    public void ActivationKeepsTheShape()
    {
        var result = ActivationRule.Apply(TestShapes.Of(null, 10));

        Assert.Equal(TestShapes.Of(null, 10), result.Output);
        Assert.Empty(result.Weights);
    }
}
