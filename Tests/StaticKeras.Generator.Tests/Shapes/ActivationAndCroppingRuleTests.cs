using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>Softmax, PReLU, Cropping1D/2D and SpatialDropout1D/2D.</summary>
public sealed class ActivationAndCroppingRuleTests
{
    [Fact]
    public void SoftmaxKeepsTheShapeAndNeedsAFeatureAxis()
    {
        Assert.Equal(TestShapes.Of("time", 4), ActivationLayerRules.Softmax(TestShapes.Of("time", 4), -1).Output);
        Assert.Equal(TestShapes.Of(3, 4), ActivationLayerRules.Softmax(TestShapes.Of(3, 4), 1).Output);
        Assert.Equal(TestShapes.Of(3, 4), ActivationLayerRules.Softmax(TestShapes.Of(3, 4), -2).Output);
        ConvRuleTests.AssertRejected(ActivationLayerRules.Softmax(TestShapes.Of(3, 4), 0), "STK1009", "axis", "0", "3", "(batch, 3, 4)");
        ConvRuleTests.AssertRejected(ActivationLayerRules.Softmax(TestShapes.Of(3, 4), 3), "STK1009", "axis", "3", "3", "(batch, 3, 4)");
        ConvRuleTests.AssertRejected(ActivationLayerRules.Softmax(TestShapes.Of(3, 4), -3), "STK1009", "axis", "-3", "3", "(batch, 3, 4)");
    }

    [Fact]
    public void PReLUAlphaHasTheInputShapeWithOneOnSharedAxes()
    {
        // Keras 3.16: PReLU(shared_axes=[1]).build((None, 2, 4)) makes alpha (1, 4).
        var shared = ActivationLayerRules.PReLU(TestShapes.Of(2, 4), [1]);
        Assert.Equal(TestShapes.Of(2, 4), shared.Output);
        Assert.Equal("alpha (1, 4)", Assert.Single(shared.Weights).ToString());
        Assert.Equal(4, shared.ParameterCount);
        Assert.Equal("alpha (8, 8, 3)", Assert.Single(ActivationLayerRules.PReLU(TestShapes.Of(8, 8, 3), []).Weights).ToString());
        Assert.Equal("alpha (1, 1, 3)", Assert.Single(ActivationLayerRules.PReLU(TestShapes.Of("h", null, 3), [1, 2]).Weights).ToString());
    }

    [Fact]
    public void PReLURejections()
    {
        ConvRuleTests.AssertRejected(ActivationLayerRules.PReLU(TestShapes.Of("time", 4), []), "STK1004", null, "axis 1", "(batch, time, 4)");
        ConvRuleTests.AssertRejected(ActivationLayerRules.PReLU(TestShapes.Of(2, 4), [3]), "STK1009", "sharedAxes", "3", "3", "(batch, 2, 4)");
    }

    [Fact]
    public void CroppingRemovesCellsFromEachSpatialAxis()
    {
        // Keras 3.16: Cropping2D(((1, 0), (0, 2))).compute_output_shape((None, 5, 6, 3)) = (None, 4, 4, 3).
        Assert.Equal(TestShapes.Of(4, 4, 3), CroppingRule.Apply(TestShapes.Of(5, 6, 3), [1, 0, 0, 2], ["height", "width"]).Output);
        Assert.Equal(TestShapes.Of(3, 8), CroppingRule.Apply(TestShapes.Of(5, 8), [1, 1], ["cropping"]).Output);
        Assert.Equal(TestShapes.Of(null, "w", 3), CroppingRule.Apply(TestShapes.Of("h", "w", 3), [1, 0, 0, 0], ["height", "width"]).Output);
        Assert.Empty(CroppingRule.Apply(TestShapes.Of(5, 8), [1, 1], ["cropping"]).Weights);
    }

    [Fact]
    public void CroppingRejections()
    {
        ConvRuleTests.AssertRejected(CroppingRule.Apply(TestShapes.Of(5, 3), [2, 3], ["cropping"]), "STK1040", "cropping", "2", "3", "steps", "(batch, 5, 3)");
        ConvRuleTests.AssertRejected(CroppingRule.Apply(TestShapes.Of(5, 4, 3), [0, 0, 2, 2], ["height", "width"]), "STK1040", "width", "2", "2", "width", "(batch, 5, 4, 3)");
        ConvRuleTests.AssertRejected(CroppingRule.Apply(TestShapes.Of(5, 4), [0, 0, 1, 1], ["height", "width"]), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 5, 4)");
    }

    [Fact]
    public void SpatialDropoutKeepsTheShapeOfItsRank()
    {
        Assert.Equal(TestShapes.Of("time", 8), DropoutRule.Spatial(TestShapes.Of("time", 8), 1).Output);
        Assert.Equal(TestShapes.Of(4, 4, 8), DropoutRule.Spatial(TestShapes.Of(4, 4, 8), 2).Output);
        ConvRuleTests.AssertRejected(DropoutRule.Spatial(TestShapes.Of(4, 4, 8), 1), "STK1003", null, "3", "(batch, steps, channels)", "(batch, 4, 4, 8)");
    }
}
