using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>TimeDistributed's and Bidirectional's rules on known, unknown and named dimensions, and their rejections.</summary>
public sealed class WrapperRuleTests
{
    private static ShapeResult Dense(Shape slice, int units) => DenseRule.Apply(slice, units, useBias: true);

    [Fact]
    public void TimeDistributedAppliesTheWrappedRuleToOneSlice()
    {
        var result = TimeDistributedRule.Apply(TestShapes.Of("time", 10, 16), slice => Dense(slice, 8));

        Assert.Equal(TestShapes.Of("time", 10, 8), result.Output);
        Assert.Equal([WeightSpec.Of("layer.kernel", 16, 8), WeightSpec.Of("layer.bias", 8)], result.Weights);
        Assert.Equal(16 * 8 + 8, result.ParameterCount);
    }

    [Fact]
    public void TimeDistributedConvolutionKeepsAnUnknownTimeAxis()
    {
        var conv = new ConvSpec(3, [3, 3], [1, 1], [1, 1], PaddingKind.Valid, 1, true);
        var result = TimeDistributedRule.Apply(TestShapes.Of(null, 8, 8, 3), slice => ConvRule.Apply(slice, conv));

        Assert.Equal(TestShapes.Of(null, 6, 6, 3), result.Output);
        Assert.Equal(3 * 3 * 3 * 3 + 3, result.ParameterCount);
    }

    [Fact]
    public void TimeDistributedRejections()
    {
        var rank = TimeDistributedRule.Apply(TestShapes.Of(16), slice => Dense(slice, 4));
        Assert.Equal(new ShapeError(ShapeErrorKind.RankTooLow, TestShapes.Of(16), RequiredRank: 3), rank.Error);

        // The wrapped layer's own error on the slice, kept whole.
        var inner = TimeDistributedRule.Apply(TestShapes.Of(5, "d"), slice => Dense(slice, 4));
        Assert.Equal(ShapeErrorKind.InWrappedLayer, inner.Error!.Kind);
        Assert.Equal("layer", inner.Error.Part);
        Assert.Equal(new ShapeError(ShapeErrorKind.UnknownLastDimension, TestShapes.Of("d")), inner.Error.Inner);
    }

    [Theory]
    [InlineData("Concat", 16)]
    [InlineData("Sum", 8)]
    [InlineData("Mul", 8)]
    [InlineData("Ave", 8)]
    public void BidirectionalMergesTheTwoDirections(string mode, int last)
    {
        var mergeMode = System.Enum.Parse<MergeModeKind>(mode);
        var input = TestShapes.Of("time", 5);
        var lstm = RecurrentRule.Apply(input, RecurrentKind.LSTM, 8, useBias: true, returnSequences: true);

        var result = BidirectionalRule.Apply(input, lstm, lstm, mergeMode);

        Assert.Equal(TestShapes.Of("time", last), result.Output);
        Assert.Equal(2 * 4 * (5 * 8 + 8 * 8 + 8), result.ParameterCount);
        Assert.Equal("forward_layer.kernel", result.Weights[0].Name);
        Assert.Equal("backward_layer.bias", result.Weights[5].Name);
    }

    [Fact]
    public void BidirectionalConcatenatesDirectionsOfDifferentUnits()
    {
        var input = TestShapes.Of(7, 3);
        var result = BidirectionalRule.Apply(
            input, RecurrentRule.Apply(input, RecurrentKind.GRU, 4, true, false), RecurrentRule.Apply(input, RecurrentKind.GRU, 2, true, false), MergeModeKind.Concat);

        Assert.Equal(TestShapes.Of(6), result.Output);
    }

    [Fact]
    public void BidirectionalRejections()
    {
        var flat = TestShapes.Of(16);
        var lstm = RecurrentRule.Apply(flat, RecurrentKind.LSTM, 4, true, false);
        ConvRuleTests.AssertRejected(BidirectionalRule.Apply(flat, lstm, lstm, MergeModeKind.Concat), "STK1003", null, "3", "(batch, timesteps, features)", "(batch, 16)");

        var unknown = TestShapes.Of(10, "f");
        var gru = RecurrentRule.Apply(unknown, RecurrentKind.GRU, 4, true, false);
        var result = BidirectionalRule.Apply(unknown, gru, gru, MergeModeKind.Sum);
        Assert.Equal(ShapeErrorKind.InWrappedLayer, result.Error!.Kind);
        Assert.Equal("layer", result.Error.Part);
        Assert.Equal(gru.Error, result.Error.Inner);
    }
}
