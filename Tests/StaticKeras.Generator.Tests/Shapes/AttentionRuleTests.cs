using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class AttentionRuleTests
{
    private static AttentionSpec Spec(int heads = 2, int keyDim = 3, int? valueDim = null, bool useBias = true, int[]? outputShape = null, bool causal = false) =>
        new(heads, keyDim, valueDim ?? keyDim, useBias, (outputShape ?? []).ToEquatableArray(), causal);

    [Fact]
    public void OutputHasTheQueryShapeAndKerasWeights()
    {
        var result = AttentionRule.MultiHead([TestShapes.Of(3, 5), TestShapes.Of(4, 6)], Spec(valueDim: 4));
        Assert.Equal(TestShapes.Of(3, 5), result.Output);
        Assert.Equal(
            ["query.kernel (5, 2, 3)", "query.bias (2, 3)", "key.kernel (6, 2, 3)", "key.bias (2, 3)", "value.kernel (6, 2, 4)", "value.bias (2, 4)",
             "attention_output.kernel (2, 4, 5)", "attention_output.bias (5,)"],
            result.Weights.Select(w => w.ToString()));
        Assert.Equal(179, result.ParameterCount);   // Keras 3.16 count_params() for this layer
    }

    [Fact]
    public void SeparateKeyOutputShapeAndNoBias()
    {
        // Keras 3.16: MultiHeadAttention(3, 2) on (3, 5), (4, 6), key (4, 7): 161 parameters.
        Assert.Equal(161, AttentionRule.MultiHead([TestShapes.Of(3, 5), TestShapes.Of(4, 6), TestShapes.Of(4, 7)], Spec(3, 2)).ParameterCount);
        var shaped = AttentionRule.MultiHead([TestShapes.Of("time", 5), TestShapes.Of("time", 5)], Spec(useBias: false, outputShape: [2, 3]));
        Assert.Equal(TestShapes.Of("time", 2, 3), shaped.Output);
        Assert.Equal("attention_output.kernel (2, 3, 2, 3)", shaped.Weights[3].ToString());
        Assert.Equal(4, shaped.Weights.Count);
        Assert.Equal(TestShapes.Of(2, 3, 8), AttentionRule.MultiHead([TestShapes.Of(2, 3, 8), TestShapes.Of(4, 4, 8)], Spec()).Output);
    }

    [Fact]
    public void Rejections()
    {
        ConvRuleTests.AssertRejected(AttentionRule.MultiHead([TestShapes.Of(8, 16)], Spec()), "STK1041", null, "1", "(batch, 8, 16)");
        ConvRuleTests.AssertRejected(AttentionRule.MultiHead([TestShapes.Of(8, 16), TestShapes.Of(16)], Spec()), "STK1042", null, "(batch, 8, 16)", "(batch, 16)", "(batch, 16)");
        ConvRuleTests.AssertRejected(AttentionRule.MultiHead([TestShapes.Of(16), TestShapes.Of(16)], Spec()), "STK1042", null, "(batch, 16)", "(batch, 16)", "(batch, 16)");
        ConvRuleTests.AssertRejected(
            AttentionRule.MultiHead([TestShapes.Of(3, 16), TestShapes.Of(6, 16), TestShapes.Of(5, 16)], Spec()), "STK1043", null, "(batch, 6, 16)", "(batch, 5, 16)");
        ConvRuleTests.AssertRejected(AttentionRule.MultiHead([TestShapes.Of(3, null), TestShapes.Of(6, 16)], Spec()), "STK1004", null, "query features", "(batch, 3, None)");
        ConvRuleTests.AssertRejected(
            AttentionRule.MultiHead([TestShapes.Of(2, 3, 8), TestShapes.Of(2, 3, 8)], Spec(causal: true)), "STK1003", "useCausalMask", "3", "(batch, time, features) for a causal mask", "(batch, 2, 3, 8)");
    }

    [Fact]
    public void UnknownPositionsAreCheckedAtRunTime() =>
        Assert.Equal(TestShapes.Of(3, 16), AttentionRule.MultiHead([TestShapes.Of(3, 16), TestShapes.Of(null, 16), TestShapes.Of(5, 8)], Spec()).Output);

    [Fact]
    public void PositionEmbeddingKeepsTheShapeWithOneRowPerPosition()
    {
        var result = AttentionRule.PositionEmbedding(TestShapes.Of("time", 32), 16);
        Assert.Equal(TestShapes.Of("time", 32), result.Output);
        Assert.Equal("embeddings (16, 32)", Assert.Single(result.Weights).ToString());
        ConvRuleTests.AssertRejected(AttentionRule.PositionEmbedding(TestShapes.Of(20, 32), 16), "STK1044", "sequenceLength", "16", "(batch, 20, 32)");
        ConvRuleTests.AssertRejected(AttentionRule.PositionEmbedding(TestShapes.Of(10, null), 16), "STK1004", null, "features", "(batch, 10, None)");
        ConvRuleTests.AssertRejected(AttentionRule.PositionEmbedding(TestShapes.Of(32), 16), "STK1003", null, "3", "(batch, steps, features)", "(batch, 32)");
    }
}
