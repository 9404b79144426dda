using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

public sealed class ConvRuleTests
{
    private static ConvSpec Conv2D(int filters, int kernel, int stride = 1, int dilation = 1, PaddingKind padding = PaddingKind.Valid, int groups = 1, bool useBias = true) =>
        new(filters, [kernel, kernel], [stride, stride], [dilation, dilation], padding, groups, useBias);

    [Fact]
    public void ValidConvolutionShrinksByTheKernel()
    {
        var result = ConvRule.Apply(TestShapes.Of(28, 28, 1), Conv2D(32, 3));

        Assert.Equal(TestShapes.Of(26, 26, 32), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 3, 3, 1, 32), WeightSpec.Of("bias", 32)], result.Weights);
        Assert.Equal(320, result.ParameterCount);
    }

    [Theory]
    [InlineData(28, 3, 2, 1, 13)]   // floor((28 - 3) / 2) + 1
    [InlineData(7, 3, 1, 2, 3)]     // span 5: 7 - 5 + 1
    [InlineData(5, 5, 1, 1, 1)]     // exactly fits
    [InlineData(10, 4, 3, 1, 3)]    // floor(6 / 3) + 1
    public void ValidFormula(int n, int k, int s, int d, int expected) =>
        Assert.Equal(Dim.Known(expected), WindowArithmetic.Output(Dim.Known(n), k, s, d, PaddingKind.Valid));

    [Theory]
    [InlineData(28, 2, 14)]
    [InlineData(27, 2, 14)]
    [InlineData(5, 3, 2)]
    [InlineData(5, 1, 5)]
    public void SameAndCausalAreCeilOfNOverStride(int n, int s, int expected)
    {
        Assert.Equal(Dim.Known(expected), WindowArithmetic.Output(Dim.Known(n), 3, s, 1, PaddingKind.Same));
        Assert.Equal(Dim.Known(expected), WindowArithmetic.Output(Dim.Known(n), 3, s, 1, PaddingKind.Causal));
    }

    [Fact]
    public void WindowLargerThanAKnownInputHasNoOutput()
    {
        Assert.Null(WindowArithmetic.Output(Dim.Known(2), 3, 1, 1, PaddingKind.Valid));
        Assert.Null(WindowArithmetic.Output(Dim.Known(4), 3, 1, 2, PaddingKind.Valid));
    }

    [Fact]
    public void NamedDimensionSurvivesOnlyStrideOneSameOrCausal()
    {
        var time = Dim.Named("time");

        Assert.Equal(time, WindowArithmetic.Output(time, 3, 1, 1, PaddingKind.Same));
        Assert.Equal(time, WindowArithmetic.Output(time, 3, 1, 4, PaddingKind.Causal));
        Assert.Equal(Dim.Unknown, WindowArithmetic.Output(time, 3, 2, 1, PaddingKind.Same));
        Assert.Equal(Dim.Unknown, WindowArithmetic.Output(time, 3, 1, 1, PaddingKind.Valid));
        Assert.Equal(Dim.Unknown, WindowArithmetic.Output(Dim.Unknown, 3, 1, 1, PaddingKind.Same));
    }

    [Fact]
    public void GroupsSplitTheKernelsInputChannels()
    {
        var result = ConvRule.Apply(TestShapes.Of(8, 8, 4), Conv2D(6, 3, groups: 2, useBias: false));

        Assert.Equal([WeightSpec.Of("kernel", 3, 3, 2, 6)], result.Weights);
    }

    [Fact]
    public void Conv1DOnSequences()
    {
        var result = ConvRule.Apply(TestShapes.Of("time", 4), new ConvSpec(8, [2], [1], [2], PaddingKind.Causal, 1, true));

        Assert.Equal(TestShapes.Of("time", 8), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 2, 4, 8), WeightSpec.Of("bias", 8)], result.Weights);
    }

    [Fact]
    public void Rejections()
    {
        AssertRejected(ConvRule.Apply(TestShapes.Of(28, 28), Conv2D(1, 3)), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 28, 28)");
        AssertRejected(ConvRule.Apply(TestShapes.Of(28, 28, null), Conv2D(1, 3)), "STK1004", null, "channels", "(batch, 28, 28, None)");
        AssertRejected(ConvRule.Apply(TestShapes.Of(8, 8, 3), Conv2D(4, 3, groups: 2)), "STK1006", "groups", "2", "3", "(batch, 8, 8, 3)");
        AssertRejected(ConvRule.Apply(TestShapes.Of(4, 9, 3), Conv2D(4, 5)), "STK1005", "kernelSize", "kernel", "(5, 5)", "(4, 9)");
        AssertRejected(ConvRule.Apply(TestShapes.Of(6, 3), new ConvSpec(4, [3], [1], [3], PaddingKind.Valid, 1, true)), "STK1005", "kernelSize", "kernel", "3 (dilated to 7)", "6");
    }

    internal static void AssertRejected(ShapeResult result, string id, string? parameter, params string[] arguments)
    {
        Assert.Null(result.Output);
        var rejection = Assert.IsType<ShapeRejection>(result.Error?.Rejection);
        Assert.Equal(ShapeErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal(id, rejection.Id);
        Assert.Equal(parameter, rejection.Parameter);
        Assert.Equal(arguments, rejection.Arguments);
    }
}
