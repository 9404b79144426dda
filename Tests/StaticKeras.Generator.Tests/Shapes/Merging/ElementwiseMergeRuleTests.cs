using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Merging;

public sealed class ElementwiseMergeRuleTests
{
    private static Shape? Merge(params Shape[] inputs) => ElementwiseMergeRule.Apply(inputs).Output;

    [Fact]
    public void EqualShapesMergeToThemselvesWithoutWeights()
    {
        var result = ElementwiseMergeRule.Apply([TestShapes.Of(26, 26, 32), TestShapes.Of(26, 26, 32), TestShapes.Of(26, 26, 32)]);
        Assert.Equal(TestShapes.Of(26, 26, 32), result.Output);
        Assert.Empty(result.Weights);
        Assert.Equal(0, result.ParameterCount);
    }

    [Fact]
    public void SizeOneTakesTheOtherSizeFromEitherSide()
    {
        Assert.Equal(TestShapes.Of(4, 5), Merge(TestShapes.Of(1, 5), TestShapes.Of(4, 1)));
        Assert.Equal(TestShapes.Of(4, 5), Merge(TestShapes.Of(4, 5), TestShapes.Of(1, 1)));
        Assert.Equal(TestShapes.Of(1, 1), Merge(TestShapes.Of(1, 1), TestShapes.Of(1, 1)));
    }

    [Fact]
    public void DifferentRanksAlignFromTheLastAxis()
    {
        Assert.Equal(TestShapes.Of(3, 4, 5), Merge(TestShapes.Of(3, 4, 5), TestShapes.Of(5)));
        Assert.Equal(TestShapes.Of(3, 4, 5), Merge(TestShapes.Of(5), TestShapes.Of(3, 4, 5)));
        Assert.Equal(TestShapes.Of(3, 4, 5), Merge(TestShapes.Of(4, 1), TestShapes.Of(3, 1, 5)));
        // A (batch,) input (rank 0 after the batch) broadcasts against anything.
        Assert.Equal(TestShapes.Of(7, 2), Merge(TestShapes.Of(), TestShapes.Of(7, 2)));
    }

    [Fact]
    public void UnknownSizesMakeTheOutputUnknownAsKerasNone()
    {
        Assert.Equal(TestShapes.Of(null, 5), Merge(TestShapes.Of(null, 5), TestShapes.Of(3, 5)));
        Assert.Equal(TestShapes.Of(null, 5), Merge(TestShapes.Of(1, 5), TestShapes.Of(null, 5)));
        Assert.Equal(TestShapes.Of(new object?[] { null }), Merge(TestShapes.Of(new object?[] { null }), TestShapes.Of("time")));
    }

    [Fact]
    public void NamedSizesKeepTheirNameAgainstTheSameNameOrOne()
    {
        Assert.Equal(TestShapes.Of("time", 16), Merge(TestShapes.Of("time", 16), TestShapes.Of("time", 16)));
        Assert.Equal(TestShapes.Of("time", 16), Merge(TestShapes.Of(1, 16), TestShapes.Of("time", 1)));
        Assert.Equal(TestShapes.Of("time", 16), Merge(TestShapes.Of("time", 16), TestShapes.Of(16)));
    }

    [Fact]
    public void NamedSizesAgainstAnotherNameOrAKnownSizeBecomeUnknown()
    {
        Assert.Equal(TestShapes.Of(null, 16), Merge(TestShapes.Of("time", 16), TestShapes.Of("steps", 16)));
        Assert.Equal(TestShapes.Of(null, 16), Merge(TestShapes.Of("time", 16), TestShapes.Of(10, 16)));
    }

    [Fact]
    public void KnownSizesThatCannotBroadcastAreStk1020WithTheClashingAxes()
    {
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(26, 26, 32), TestShapes.Of(28, 28, 1)]),
            "STK1020", null, "(batch, 26, 26, 32)", "(batch, 28, 28, 1)", "axes 1, 2");
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(10), TestShapes.Of(12)]),
            "STK1020", null, "(batch, 10)", "(batch, 12)", "axis 1");
    }

    [Fact]
    public void ClashingAxesOfDifferentRanksAreNumberedInTheLongerShape()
    {
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(3, 4, 5), TestShapes.Of(6)]),
            "STK1020", null, "(batch, 3, 4, 5)", "(batch, 6)", "axis 3");
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(2, 5), TestShapes.Of(3, 4, 5)]),
            "STK1020", null, "(batch, 2, 5)", "(batch, 3, 4, 5)", "axis 2");
    }

    [Fact]
    public void AClashHiddenFromKerasByAnUnknownSizeBetweenIsStillReported()
    {
        // Keras folds (3) with (None) into (None), then accepts (5): no run-time size makes 3 and 5 broadcast.
        var result = ElementwiseMergeRule.Apply([TestShapes.Of(3), TestShapes.Of(new object?[] { null }), TestShapes.Of(5)]);
        ConvRuleTests.AssertRejected(result, "STK1020", null, "(batch, 3)", "(batch, 5)", "axis 1");
        Assert.Equal(TestShapes.Of(5), result.Error!.Found);
    }

    [Fact]
    public void ThePairReportedIsTheFirstThatClashes()
    {
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(4), TestShapes.Of(1), TestShapes.Of(4), TestShapes.Of(6)]),
            "STK1020", null, "(batch, 4)", "(batch, 6)", "axis 1");
    }

    [Fact]
    public void OneInputIsItsOwnOutputAndNoneIsStk1023()
    {
        // Keras 3's Merge.build accepts a single input; Subtract needs exactly two.
        Assert.Equal(TestShapes.Of(8), ElementwiseMergeRule.Apply([TestShapes.Of(8)]).Output);
        ConvRuleTests.AssertRejected(ElementwiseMergeRule.Apply([TestShapes.Of(8)], MergeArity.ExactlyTwo), "STK1023", null, "exactly 2", "1");
        var none = ElementwiseMergeRule.Apply([]);
        ConvRuleTests.AssertRejected(none, "STK1023", null, "at least 1", "0");
        Assert.Equal(TestShapes.Of(), none.Error!.Found);
    }

    [Fact]
    public void SubtractTakesExactlyTwo()
    {
        Assert.Equal(TestShapes.Of(8), ElementwiseMergeRule.Apply([TestShapes.Of(8), TestShapes.Of(1)], MergeArity.ExactlyTwo).Output);
        ConvRuleTests.AssertRejected(
            ElementwiseMergeRule.Apply([TestShapes.Of(8), TestShapes.Of(8), TestShapes.Of(8)], MergeArity.ExactlyTwo), "STK1023", null, "exactly 2", "3");
        ConvRuleTests.AssertRejected(ElementwiseMergeRule.Apply([TestShapes.Of(8)], MergeArity.ExactlyTwo), "STK1023", null, "exactly 2", "1");
    }
}
