using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class NormalizationAndSequenceRuleTests
{
    [Fact]
    public void BatchNormalizationHasFourCParametersTwoCTrainable()
    {
        var result = BatchNormalizationRule.Apply(TestShapes.Of(17, 17, 16), -1, center: true, scale: true);

        Assert.Equal(TestShapes.Of(17, 17, 16), result.Output);
        Assert.Equal(
            [WeightSpec.Of("gamma", 16), WeightSpec.Of("beta", 16), WeightSpec.Buffer("moving_mean", 16), WeightSpec.Buffer("moving_variance", 16)],
            result.Weights);
        Assert.Equal(64, result.ParameterCount);
        Assert.Equal(2, System.Linq.Enumerable.Count(result.Weights, w => w.Trainable));
    }

    [Fact]
    public void BatchNormalizationOnAnotherAxisWithoutCenterOrScale()
    {
        var result = BatchNormalizationRule.Apply(TestShapes.Of(5, "time"), 1, center: false, scale: false);

        Assert.Equal([WeightSpec.Buffer("moving_mean", 5), WeightSpec.Buffer("moving_variance", 5)], result.Weights);
    }

    [Fact]
    public void BatchNormalizationRejections()
    {
        ConvRuleTests.AssertRejected(BatchNormalizationRule.Apply(TestShapes.Of(10), 2, true, true), "STK1009", "axis", "2", "2", "(batch, 10)");
        ConvRuleTests.AssertRejected(BatchNormalizationRule.Apply(TestShapes.Of(10), 0, true, true), "STK1009", "axis", "0", "2", "(batch, 10)");
        ConvRuleTests.AssertRejected(BatchNormalizationRule.Apply(TestShapes.Of(10, "f"), -1, true, true), "STK1004", null, "axis 2", "(batch, 10, f)");
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.99, true)]
    [InlineData(1.0, true)]
    [InlineData(-0.1, false)]
    [InlineData(1.5, false)]
    [InlineData(double.NaN, false)]
    public void Momentum(double momentum, bool valid) => Assert.Equal(valid, BatchNormalizationRule.IsValidMomentum(momentum));

    [Fact]
    public void LayerNormalizationWeightsTakeTheNormalizedShape()
    {
        Assert.Equal([WeightSpec.Of("gamma", 8), WeightSpec.Of("beta", 8)], LayerNormalizationRule.Apply(TestShapes.Of("time", 8), [-1], true, true).Weights);
        Assert.Equal([WeightSpec.Of("gamma", 4, 6)], LayerNormalizationRule.Apply(TestShapes.Of(4, 6), [-1, 1], center: false, scale: true).Weights);
        ConvRuleTests.AssertRejected(LayerNormalizationRule.Apply(TestShapes.Of(4, 6), [0, 2], true, true), "STK1009", "axis", "[0, 2]", "3", "(batch, 4, 6)");
        ConvRuleTests.AssertRejected(LayerNormalizationRule.Apply(TestShapes.Of("time", 6), [1], true, true), "STK1004", null, "axis 1", "(batch, time, 6)");
    }

    [Fact]
    public void LayerNormalizationRejectsAnAxisNamedTwiceOnceResolved()
    {
        // Keras: LayerNormalization(axis=[-1, 1]) on (None, 4) raises "Duplicate axes are not allowed".
        ConvRuleTests.AssertRejected(LayerNormalizationRule.Apply(TestShapes.Of(4), [-1, 1], true, true), "STK1012", "axis", "[-1, 1]", "1", "2", "(batch, 4)");
        ConvRuleTests.AssertRejected(LayerNormalizationRule.Apply(TestShapes.Of(4, 3), [2, 2], true, true), "STK1012", "axis", "[2, 2]", "2", "3", "(batch, 4, 3)");
    }

    [Fact]
    public void EmbeddingAddsADimension()
    {
        var result = EmbeddingRule.Apply(TestShapes.Of("time"), 1000, 8);

        Assert.Equal(TestShapes.Of("time", 8), result.Output);
        Assert.Equal([WeightSpec.Of("embeddings", 1000, 8)], result.Weights);
    }

    [Theory]
    [InlineData("SimpleRNN", 16, 8, 200)]    // du + u² + u = 128 + 64 + 8
    [InlineData("LSTM", 16, 32, 6272)]       // 4(du + u² + u) = 4(512 + 1024 + 32)
    [InlineData("GRU", 32, 16, 2400)]        // 3(du + u²) + 6u = 3(512 + 256) + 96
    public void RecurrentParameterCounts(string kind, int features, int units, long expected) =>
        Assert.Equal(expected, RecurrentRule.Apply(TestShapes.Of("time", features), System.Enum.Parse<RecurrentKind>(kind), units, useBias: true, returnSequences: false).ParameterCount);

    [Fact]
    public void GruWithoutResetAfterHasOneBiasRow()
    {
        var result = RecurrentRule.Apply(TestShapes.Of(5, 4), RecurrentKind.GRU, 2, useBias: true, returnSequences: false, resetAfter: false);

        Assert.Equal([WeightSpec.Of("kernel", 4, 6), WeightSpec.Of("recurrent_kernel", 2, 6), WeightSpec.Of("bias", 6)], result.Weights);
    }

    [Fact]
    public void ReturnSequencesKeepsTheTimeDimension()
    {
        Assert.Equal(TestShapes.Of("time", 32), RecurrentRule.Apply(TestShapes.Of("time", 16), RecurrentKind.LSTM, 32, true, returnSequences: true).Output);
        Assert.Equal(TestShapes.Of(32), RecurrentRule.Apply(TestShapes.Of("time", 16), RecurrentKind.LSTM, 32, true, returnSequences: false).Output);
        Assert.Equal(
            [WeightSpec.Of("kernel", 16, 32), WeightSpec.Of("recurrent_kernel", 32, 32)],
            RecurrentRule.Apply(TestShapes.Of("time", 16), RecurrentKind.SimpleRNN, 32, useBias: false, returnSequences: false).Weights);
    }

    [Fact]
    public void RecurrentRejections()
    {
        ConvRuleTests.AssertRejected(RecurrentRule.Apply(TestShapes.Of(16), RecurrentKind.LSTM, 8, true, false), "STK1003", null, "3", "(batch, time, features)", "(batch, 16)");
        ConvRuleTests.AssertRejected(RecurrentRule.Apply(TestShapes.Of(4, 4, 4), RecurrentKind.GRU, 8, true, false), "STK1003", null, "3", "(batch, time, features)", "(batch, 4, 4, 4)");
        ConvRuleTests.AssertRejected(RecurrentRule.Apply(TestShapes.Of(10, "f"), RecurrentKind.SimpleRNN, 8, true, false), "STK1004", null, "features", "(batch, 10, f)");
    }
}
