using System;
using StaticKeras.Generator.Shapes.Merging;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Merging;

public sealed class MergeRulesTests
{
    [Theory]
    [InlineData("Add")]
    [InlineData("Average")]
    [InlineData("Maximum")]
    [InlineData("Minimum")]
    [InlineData("Multiply")]
    public void ElementwiseMergesTakeTwoOrMoreAndBroadcast(string typeName)
    {
        Assert.True(MergeRules.IsMerge(typeName));
        Assert.Equal(TestShapes.Of(4, 5), MergeRules.Apply(typeName, [TestShapes.Of(4, 1), TestShapes.Of(5), TestShapes.Of(4, 5)]).Output);
    }

    [Fact]
    public void SubtractTakesExactlyTwo()
    {
        Assert.Equal(TestShapes.Of(4, 5), MergeRules.Apply("Subtract", [TestShapes.Of(4, 1), TestShapes.Of(5)]).Output);
        Assert.Equal("STK1023", MergeRules.Apply("Subtract", [TestShapes.Of(5), TestShapes.Of(5), TestShapes.Of(5)]).Error!.Rejection!.Id);
    }

    [Fact]
    public void ConcatenateUsesItsAxis() =>
        Assert.Equal(TestShapes.Of(7, 5), MergeRules.Apply("Concatenate", [TestShapes.Of(3, 5), TestShapes.Of(4, 5)], axis: 1).Output);

    [Fact]
    public void OtherTypesAreNotMerges()
    {
        Assert.False(MergeRules.IsMerge("Dense"));
        Assert.Throws<ArgumentException>(() => MergeRules.Apply("Dense", [TestShapes.Of(3), TestShapes.Of(3)]));
        Assert.Equal(["Add", "Average", "Concatenate", "Maximum", "Minimum", "Multiply", "Subtract"], MergeRules.TypeNames);
    }
}
