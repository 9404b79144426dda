using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>Keras' Luong <c>Attention</c>: output (..., Tq, dim_v), its scalar weights, and the inputs its call cannot combine.</summary>
public sealed class LuongAttentionRuleTests
{
    [Fact]
    public void OutputTakesTheQueryStepsAndTheValueFeatures()
    {
        // Keras 3.16: Attention().compute_output_shape([(None, 3, 4), (None, 5, 6)]) = (None, 3, 6).
        var result = LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(5, 6), TestShapes.Of(5, 4)], AttentionScoreKind.Dot, useScale: false);
        Assert.Equal(TestShapes.Of(3, 6), result.Output);
        Assert.Empty(result.Weights);
        Assert.Equal(TestShapes.Of("time", 8), LuongAttentionRule.Apply([TestShapes.Of("time", 8), TestShapes.Of("time", 8)], AttentionScoreKind.Dot, false).Output);
        Assert.Equal(TestShapes.Of(3, null), LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(5, null), TestShapes.Of(5, 4)], AttentionScoreKind.Dot, false).Output);
    }

    [Fact]
    public void ScaleAndConcatHaveOneScalarWeightEach()
    {
        var shapes = new[] { TestShapes.Of(3, 4), TestShapes.Of(5, 4) };
        Assert.Equal([WeightSpec.Of("scale")], LuongAttentionRule.Apply(shapes, AttentionScoreKind.Dot, useScale: true).Weights);
        Assert.Equal([WeightSpec.Of("scale"), WeightSpec.Of("concat_score_weight")], LuongAttentionRule.Apply(shapes, AttentionScoreKind.Concat, useScale: true).Weights);
        Assert.Equal(1, LuongAttentionRule.Apply(shapes, AttentionScoreKind.Concat, useScale: false).ParameterCount);
    }

    [Fact]
    public void Rejections()
    {
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(3, 4)], AttentionScoreKind.Dot, false), "STK1041", null, "1", "(batch, 3, 4)");
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(4)], AttentionScoreKind.Dot, false),
            "STK1042", null, "(batch, 3, 4)", "(batch, 4)", "(batch, 4)");
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(5, 4), TestShapes.Of(6, 4)], AttentionScoreKind.Dot, false),
            "STK1043", null, "(batch, 5, 4)", "(batch, 6, 4)");
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(5, 6)], AttentionScoreKind.Dot, false),
            "STK1051", null, "(batch, 3, 4)", "(batch, 5, 6)", "dot", "their feature sizes (last axes) must be equal");
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(3, 4), TestShapes.Of(5, 6)], AttentionScoreKind.Concat, false),
            "STK1051", "scoreMode", "(batch, 3, 4)", "(batch, 5, 6)", "concat", "their feature sizes (last axes) must be equal or 1");
        ConvRuleTests.AssertRejected(LuongAttentionRule.Apply([TestShapes.Of(2, 3, 4), TestShapes.Of(3, 5, 4)], AttentionScoreKind.Dot, false),
            "STK1051", null, "(batch, 2, 3, 4)", "(batch, 3, 5, 4)", "dot", "their axes before the steps must be equal or 1");
    }

    [Fact]
    public void ConcatBroadcastsAFeatureSizeOfOneAndUnknownSizesAreCheckedAtRunTime()
    {
        Assert.NotNull(LuongAttentionRule.Apply([TestShapes.Of(3, 1), TestShapes.Of(5, 6)], AttentionScoreKind.Concat, false).Output);
        Assert.NotNull(LuongAttentionRule.Apply([TestShapes.Of(3, null), TestShapes.Of(5, 6)], AttentionScoreKind.Dot, false).Output);
        Assert.NotNull(LuongAttentionRule.Apply([TestShapes.Of(1, 3, 4), TestShapes.Of(2, 5, 4)], AttentionScoreKind.Dot, false).Output);
    }
}
