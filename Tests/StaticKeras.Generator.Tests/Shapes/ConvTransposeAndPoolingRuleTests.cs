using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class ConvTransposeAndPoolingRuleTests
{
    [Theory]
    [InlineData(9, 3, 2, "Valid", 19)]   // 9·2 + max(3 − 2, 0)
    [InlineData(9, 2, 2, "Valid", 18)]   // kernel = stride
    [InlineData(9, 1, 2, "Valid", 18)]   // max(k − s, 0) = 0
    [InlineData(7, 3, 1, "Valid", 9)]
    [InlineData(9, 3, 2, "Same", 18)]    // n·s
    public void TransposeWithoutOutputPadding(int n, int k, int s, string padding, int expected) =>
        Assert.Equal(Dim.Known(expected), ConvTransposeRule.Output(Dim.Known(n), k, s, 1, System.Enum.Parse<PaddingKind>(padding), null));

    [Theory]
    [InlineData(7, 3, 2, "Same", 1, 14)]   // 6·2 + 3 − 2·1 + 1
    [InlineData(7, 3, 2, "Valid", 1, 16)]  // 6·2 + 3 + 1
    [InlineData(7, 4, 3, "Same", 0, 18)]   // 6·3 + 4 − 2·2
    public void TransposeWithOutputPadding(int n, int k, int s, string padding, int outputPadding, int expected) =>
        Assert.Equal(Dim.Known(expected), ConvTransposeRule.Output(Dim.Known(n), k, s, 1, System.Enum.Parse<PaddingKind>(padding), outputPadding));

    [Fact]
    public void TransposeDilationWidensTheKernel() =>
        Assert.Equal(Dim.Known(11), ConvTransposeRule.Output(Dim.Known(7), 3, 1, 2, PaddingKind.Valid, null));   // 7 + (5 − 1)

    [Fact]
    public void TransposeKeepsANameOnlyAtStrideOneSame()
    {
        Assert.Equal(Dim.Named("h"), ConvTransposeRule.Output(Dim.Named("h"), 3, 1, 1, PaddingKind.Same, null));
        Assert.Equal(Dim.Unknown, ConvTransposeRule.Output(Dim.Named("h"), 3, 2, 1, PaddingKind.Same, null));
        Assert.Equal(Dim.Unknown, ConvTransposeRule.Output(Dim.Named("h"), 3, 1, 1, PaddingKind.Valid, null));
    }

    [Fact]
    public void TransposeWeightsAreFiltersThenChannels()
    {
        var result = ConvTransposeRule.Apply(TestShapes.Of(9, 9, 16), new ConvSpec(8, [3, 3], [2, 2], [1, 1], PaddingKind.Valid, 1, true));

        Assert.Equal(TestShapes.Of(19, 19, 8), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 3, 3, 8, 16), WeightSpec.Of("bias", 8)], result.Weights);
    }

    [Fact]
    public void TransposeRejections()
    {
        var spec = new ConvSpec(8, [3, 3], [1, 1], [1, 1], PaddingKind.Valid, 1, true);
        ConvRuleTests.AssertRejected(ConvTransposeRule.Apply(TestShapes.Of(9, 9), spec), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 9, 9)");
        ConvRuleTests.AssertRejected(ConvTransposeRule.Apply(TestShapes.Of(9, 9, "c"), spec), "STK1004", null, "channels", "(batch, 9, 9, c)");
    }

    [Fact]
    public void TransposeWithSamePaddingAndOutputPaddingCanBeEmpty()
    {
        // (1 − 1)·1 + 2 − 2·1 + 0 = 0 along the height; the width, 4, gives 4.
        var spec = new ConvSpec(8, [2, 2], [1, 1], [1, 1], PaddingKind.Same, 1, true, [0, 0]);

        Assert.Null(ConvTransposeRule.Output(Dim.Known(1), 2, 1, 1, PaddingKind.Same, 0));
        ConvRuleTests.AssertRejected(
            ConvTransposeRule.Apply(TestShapes.Of(1, 4, 3), spec), "STK1011", "outputPadding", "(batch, 1, 4, 3)", "0", "height", "(2, 2)", "(0, 0)");
    }

    [Fact]
    public void PoolingValidAndSame()
    {
        Assert.Equal(TestShapes.Of(13, 13, 32), PoolingRule.Apply(TestShapes.Of(26, 26, 32), [2, 2], [2, 2], PaddingKind.Valid).Output);
        Assert.Equal(TestShapes.Of(5, 5, 64), PoolingRule.Apply(TestShapes.Of(11, 11, 64), [2, 2], [2, 2], PaddingKind.Valid).Output);
        Assert.Equal(TestShapes.Of(6, 4, 64), PoolingRule.Apply(TestShapes.Of(11, 11, 64), [2, 3], [2, 3], PaddingKind.Same).Output);
        Assert.Equal(TestShapes.Of(9, "c"), PoolingRule.Apply(TestShapes.Of(10, "c"), [2], [1], PaddingKind.Valid).Output);
        Assert.Empty(PoolingRule.Apply(TestShapes.Of(10, 3), [2], [2], PaddingKind.Valid).Weights);
    }

    [Fact]
    public void PoolingRejections()
    {
        ConvRuleTests.AssertRejected(PoolingRule.Apply(TestShapes.Of(10, 3), [2, 2], [2, 2], PaddingKind.Valid), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 10, 3)");
        ConvRuleTests.AssertRejected(PoolingRule.Apply(TestShapes.Of(3, 3, 2), [4, 2], [4, 2], PaddingKind.Valid), "STK1005", "poolSize", "pool", "(4, 2)", "(3, 3)");
        Assert.Equal(TestShapes.Of(1, 2, 2), PoolingRule.Apply(TestShapes.Of(3, 3, 2), [4, 2], [4, 2], PaddingKind.Same).Output);
    }

    [Fact]
    public void GlobalPooling()
    {
        Assert.Equal(TestShapes.Of(8), GlobalPoolingRule.Apply(TestShapes.Of(4, 4, 8), 2, keepdims: false).Output);
        Assert.Equal(TestShapes.Of(1, 1, 8), GlobalPoolingRule.Apply(TestShapes.Of(4, 4, 8), 2, keepdims: true).Output);
        Assert.Equal(TestShapes.Of(1, "c"), GlobalPoolingRule.Apply(TestShapes.Of("time", "c"), 1, keepdims: true).Output);
        ConvRuleTests.AssertRejected(GlobalPoolingRule.Apply(TestShapes.Of(4, 8), 2, false), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 4, 8)");
    }
}
