using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;
using static StaticKeras.Generator.Tests.Shapes.ConvRuleTests;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>Dropout's noiseShape (batch included, 0 for None): Keras broadcasts the mask over the input.</summary>
public sealed class DropoutNoiseShapeRuleTests
{
    [Theory]
    [InlineData(new[] { 0, 1, 0 })]
    [InlineData(new[] { 0, 4, 1 })]
    [InlineData(new[] { 32, 1, 8 })]   // the batch entry is checked at run time
    [InlineData(new[] { 1, 1, 1 })]
    public void ShapesThatBroadcastKeepTheInput(int[] noiseShape) =>
        Assert.Equal(TestShapes.Of(4, 8), DropoutRule.Apply(TestShapes.Of(4, 8), noiseShape).Output);

    [Fact]
    public void UnknownAndNamedSizesAreCheckedAtRunTime() =>
        Assert.Equal(TestShapes.Of("time", null), DropoutRule.Apply(TestShapes.Of("time", null), [0, 7, 9]).Output);

    [Fact]
    public void Rejections()
    {
        AssertRejected(DropoutRule.Apply(TestShapes.Of(4, 8), [0, 1]), "STK1060", "noiseShape",
            "(None, 1)", "(batch, 4, 8)", "it needs one entry per axis, batch included (3), found 2");
        AssertRejected(DropoutRule.Apply(TestShapes.Of(4, 8), [0, 1, 5]), "STK1060", "noiseShape",
            "(None, 1, 5)", "(batch, 4, 8)", "axis 2 must be 1, None or 8, found 5");
    }
}
