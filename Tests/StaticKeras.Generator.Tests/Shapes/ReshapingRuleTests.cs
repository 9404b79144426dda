using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class ReshapingRuleTests
{
    [Fact]
    public void ReshapeFillsTheFreeDimension()
    {
        Assert.Equal(TestShapes.Of(7, 112), ReshapeRule.Apply(TestShapes.Of(28, 28), [7, -1]).Output);
        Assert.Equal(TestShapes.Of(28, 28, 1), ReshapeRule.Apply(TestShapes.Of(784), [28, 28, 1]).Output);
    }

    [Fact]
    public void ReshapeOfAnUnknownInputLeavesTheFreeDimensionUnknown()
    {
        Assert.Equal(TestShapes.Of(null, 4), ReshapeRule.Apply(TestShapes.Of("time", 8), [-1, 4]).Output);
        Assert.Equal(TestShapes.Of(3, 5), ReshapeRule.Apply(TestShapes.Of(new object?[] { null }), [3, 5]).Output);
    }

    [Fact]
    public void ReshapeRejections()
    {
        ConvRuleTests.AssertRejected(ReshapeRule.Apply(TestShapes.Of(28, 28), [7, 7, 8]), "STK1007", "targetShape", "(batch, 7, 7, 8)", "392 elements", "(batch, 28, 28)", "784");
        ConvRuleTests.AssertRejected(ReshapeRule.Apply(TestShapes.Of(10), [3, -1]), "STK1007", "targetShape", "(batch, 3, -1)", "a multiple of 3 elements", "(batch, 10)", "10");
    }

    [Theory]
    [InlineData(new[] { 2, -1 }, true)]
    [InlineData(new[] { 4 }, true)]
    [InlineData(new[] { -1, -1 }, false)]
    [InlineData(new[] { 0, 4 }, false)]
    [InlineData(new[] { -2 }, false)]
    [InlineData(new int[0], false)]
    public void ValidTargets(int[] target, bool valid) => Assert.Equal(valid, ReshapeRule.IsValidTarget(target));

    [Fact]
    public void PermuteMovesDimensionsNamesIncluded()
    {
        Assert.Equal(TestShapes.Of(16, "time"), PermuteRule.Apply(TestShapes.Of("time", 16), [2, 1]).Output);
        Assert.Equal(TestShapes.Of(6, 4, 5), PermuteRule.Apply(TestShapes.Of(4, 5, 6), [3, 1, 2]).Output);
        ConvRuleTests.AssertRejected(PermuteRule.Apply(TestShapes.Of(4, 5, 6), [2, 1]), "STK1008", "dims", "(2, 1)", "3", "(batch, 4, 5, 6)");
    }

    [Theory]
    [InlineData(new[] { 2, 1 }, true)]
    [InlineData(new[] { 1 }, true)]
    [InlineData(new[] { 1, 3 }, false)]
    [InlineData(new[] { 1, 1 }, false)]
    [InlineData(new int[0], false)]
    public void Permutations(int[] dims, bool valid) => Assert.Equal(valid, PermuteRule.IsPermutation(dims));

    [Fact]
    public void ZeroPaddingAddsToHeightAndWidth()
    {
        Assert.Equal(TestShapes.Of(34, 35, 3), ZeroPadding2DRule.Apply(TestShapes.Of(32, 32, 3), 1, 1, 2, 1).Output);
        Assert.Equal(TestShapes.Of("h", null, 3), ZeroPadding2DRule.Apply(TestShapes.Of("h", "w", 3), 0, 0, 1, 0).Output);
        ConvRuleTests.AssertRejected(ZeroPadding2DRule.Apply(TestShapes.Of(32, 3), 1, 1, 1, 1), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 32, 3)");
    }

    [Fact]
    public void UpSamplingMultipliesHeightAndWidth()
    {
        Assert.Equal(TestShapes.Of(14, 42, 8), UpSampling2DRule.Apply(TestShapes.Of(7, 14, 8), 2, 3).Output);
        Assert.Equal(TestShapes.Of("h", null, 8), UpSampling2DRule.Apply(TestShapes.Of("h", "w", 8), 1, 2).Output);
        ConvRuleTests.AssertRejected(UpSampling2DRule.Apply(TestShapes.Of(7), 2, 2), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 7)");
    }
}
