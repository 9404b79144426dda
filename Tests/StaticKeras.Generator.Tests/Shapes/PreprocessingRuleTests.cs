using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>Keras' preprocessing <c>Normalization</c>: kept axes, its non-trainable weights and the given statistics.</summary>
public sealed class PreprocessingRuleTests
{
    [Fact]
    public void AdaptedNormalizationHasMeanVarianceAndCountNonTrainable()
    {
        // Keras 3.16: Sequential([Input((3,)), Normalization()]) has 7 non-trainable parameters (mean, variance, count).
        var result = NormalizationRule.Apply(TestShapes.Of(3), [-1], givenValues: 0);

        Assert.Equal(TestShapes.Of(3), result.Output);
        Assert.Equal([WeightSpec.Buffer("mean", 3), WeightSpec.Buffer("variance", 3), WeightSpec.Buffer("count")], result.Weights);
        Assert.Equal(7, result.ParameterCount);
    }

    [Fact]
    public void KeptAxesSizeTheStatistics()
    {
        Assert.Equal([WeightSpec.Buffer("mean", 4, 6), WeightSpec.Buffer("variance", 4, 6), WeightSpec.Buffer("count")],
            NormalizationRule.Apply(TestShapes.Of(4, 6, 2), [2, 1], 0).Weights);
        Assert.Equal(3, NormalizationRule.Apply(TestShapes.Of("time", 6), [], 0).ParameterCount);   // axis=None: scalars
        Assert.Equal(TestShapes.Of("time", 6), NormalizationRule.Apply(TestShapes.Of("time", 6), [-1], 0).Output);
    }

    [Fact]
    public void GivenStatisticsAreNotWeightsAndBroadcastAlongTheLastKeptAxis()
    {
        Assert.Empty(NormalizationRule.Apply(TestShapes.Of(5, 3), [-1], givenValues: 3).Weights);
        Assert.Empty(NormalizationRule.Apply(TestShapes.Of(5, 3), [1, 2], givenValues: 3).Weights);
        Assert.Empty(NormalizationRule.Apply(TestShapes.Of(5, 3), [1], givenValues: 1).Weights);
        Assert.Empty(NormalizationRule.Apply(TestShapes.Of(5, 3), [], givenValues: 1).Weights);
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of(5, 3), [1], 3), "STK1050", "mean", "3", "(5)", "(batch, 5, 3)");
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of(3), [-1], 2), "STK1050", "mean", "2", "(3)", "(batch, 3)");
    }

    [Fact]
    public void Rejections()
    {
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of(3), [2], 0), "STK1009", "axis", "2", "2", "(batch, 3)");
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of(3), [-1, 1], 0), "STK1012", "axis", "[-1, 1]", "1", "2", "(batch, 3)");
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of("time", 3), [1], 0), "STK1004", null, "axis 1", "(batch, time, 3)");
        ConvRuleTests.AssertRejected(NormalizationRule.Apply(TestShapes.Of(null, 3), [1, 2], 2), "STK1004", null, "axis 1", "(batch, None, 3)");
    }
}
