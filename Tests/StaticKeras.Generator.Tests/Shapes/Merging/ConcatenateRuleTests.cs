using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Merging;

public sealed class ConcatenateRuleTests
{
    [Fact]
    public void TheLastAxisAddsUpByDefault()
    {
        var result = ConcatenateRule.Apply([TestShapes.Of(26, 26, 32), TestShapes.Of(26, 26, 16), TestShapes.Of(26, 26, 1)]);
        Assert.Equal(TestShapes.Of(26, 26, 49), result.Output);
        Assert.Empty(result.Weights);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-3)]
    public void PositiveAndNegativeAxesCountAsKeras(int axis) =>
        Assert.Equal(TestShapes.Of(7, 4, 5), ConcatenateRule.Apply([TestShapes.Of(3, 4, 5), TestShapes.Of(4, 4, 5)], axis).Output);

    [Fact]
    public void AMiddleAxisJoins() =>
        Assert.Equal(TestShapes.Of(3, 9, 5), ConcatenateRule.Apply([TestShapes.Of(3, 4, 5), TestShapes.Of(3, 5, 5)], -2).Output);

    [Fact]
    public void AnUnknownOrNamedSizeOnTheAxisMakesTheSumUnknown()
    {
        Assert.Equal(TestShapes.Of(4, null), ConcatenateRule.Apply([TestShapes.Of(4, 3), TestShapes.Of(4, null)]).Output);
        Assert.Equal(TestShapes.Of(null, 8), ConcatenateRule.Apply([TestShapes.Of("time", 8), TestShapes.Of("time", 8)], 1).Output);
    }

    [Fact]
    public void OtherAxesComeFromTheFirstInputAsInKeras()
    {
        // Unknown and named sizes agree with anything; the output keeps the first input's.
        Assert.Equal(TestShapes.Of(null, 12), ConcatenateRule.Apply([TestShapes.Of(null, 4), TestShapes.Of(10, 8)]).Output);
        Assert.Equal(TestShapes.Of("time", 12), ConcatenateRule.Apply([TestShapes.Of("time", 4), TestShapes.Of(10, 8)]).Output);
        Assert.Equal(TestShapes.Of("time", 12), ConcatenateRule.Apply([TestShapes.Of("time", 4), TestShapes.Of("steps", 8)]).Output);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    [InlineData(0)]
    public void AnAxisOutsideTheInputsOrOnTheBatchIsStk1021(int axis) =>
        ConvRuleTests.AssertRejected(
            ConcatenateRule.Apply([TestShapes.Of(10, 16), TestShapes.Of(10, 16)], axis),
            "STK1021", "axis", axis.ToString(System.Globalization.CultureInfo.InvariantCulture), "3", "(batch, 10, 16)");

    [Fact]
    public void ABatchOnlyInputHasNoAxisToJoin() =>
        ConvRuleTests.AssertRejected(ConcatenateRule.Apply([TestShapes.Of(), TestShapes.Of()]), "STK1021", "axis", "-1", "1", "(batch)");

    [Fact]
    public void DifferentRanksAreStk1022()
    {
        ConvRuleTests.AssertRejected(
            ConcatenateRule.Apply([TestShapes.Of(28, 3), TestShapes.Of(28, 28, 3)]),
            "STK1022", null, "(batch, 28, 3)", "(batch, 28, 28, 3)", "-1", "ranks 3 and 4");
    }

    [Fact]
    public void DifferentSizesOutsideTheAxisAreStk1022WithTheAxes()
    {
        ConvRuleTests.AssertRejected(
            ConcatenateRule.Apply([TestShapes.Of(28, 28, 3), TestShapes.Of(14, 14, 8)]),
            "STK1022", null, "(batch, 28, 28, 3)", "(batch, 14, 14, 8)", "-1", "sizes in axes 1, 2");
        // No broadcasting: a size of 1 must match too.
        ConvRuleTests.AssertRejected(
            ConcatenateRule.Apply([TestShapes.Of(4, 5), TestShapes.Of(1, 5)], 2),
            "STK1022", null, "(batch, 4, 5)", "(batch, 1, 5)", "2", "sizes in axis 1");
    }

    [Fact]
    public void EveryPairIsCompared()
    {
        // Keras compares the known sizes of all inputs per axis: 4 and 6 clash although an unknown sits between.
        var result = ConcatenateRule.Apply([TestShapes.Of(4, 1), TestShapes.Of(null, 2), TestShapes.Of(6, 3)]);
        ConvRuleTests.AssertRejected(result, "STK1022", null, "(batch, 4, 1)", "(batch, 6, 3)", "-1", "sizes in axis 1");
        Assert.Equal(TestShapes.Of(6, 3), result.Error!.Found);
    }

    [Fact]
    public void OneInputIsItsOwnOutputAndNoneIsStk1023()
    {
        Assert.Equal(TestShapes.Of(3), ConcatenateRule.Apply([TestShapes.Of(3)]).Output);
        ConvRuleTests.AssertRejected(ConcatenateRule.Apply([]), "STK1023", null, "at least 1", "0");
    }
}
