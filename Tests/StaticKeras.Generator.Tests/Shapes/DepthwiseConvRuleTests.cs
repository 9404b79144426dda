using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;
using static StaticKeras.Generator.Tests.Shapes.ConvRuleTests;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>DepthwiseConv2D and SeparableConv2D: Keras' output shapes, weight layouts and parameter counts (checked against Keras 3.16's summary).</summary>
public sealed class DepthwiseConvRuleTests
{
    private static ShapeResult Depthwise(Shape input, int kernel, int stride = 1, int dilation = 1, PaddingKind padding = PaddingKind.Valid, int multiplier = 1, bool useBias = true) =>
        DepthwiseConvRule.Apply(input, null, [kernel, kernel], [stride, stride], [dilation, dilation], padding, multiplier, useBias);

    private static ShapeResult Separable(Shape input, int filters, int kernel, int stride = 1, int dilation = 1, PaddingKind padding = PaddingKind.Valid, int multiplier = 1, bool useBias = true) =>
        DepthwiseConvRule.Apply(input, filters, [kernel, kernel], [stride, stride], [dilation, dilation], padding, multiplier, useBias);

    [Fact]
    public void DepthwiseMultipliesTheChannels()
    {
        // Keras: DepthwiseConv2D(3, depth_multiplier=2) on (9, 9, 3) -> (None, 7, 7, 6), 60 parameters.
        var result = Depthwise(TestShapes.Of(9, 9, 3), 3, multiplier: 2);

        Assert.Equal(TestShapes.Of(7, 7, 6), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 3, 3, 3, 2), WeightSpec.Of("bias", 6)], result.Weights);
        Assert.Equal(60, result.ParameterCount);
    }

    [Fact]
    public void SeparableEndsWithThePointwiseFilters()
    {
        // Keras: SeparableConv2D(5, 3, depth_multiplier=2) on (7, 7, 6) -> (None, 5, 5, 5), 173 parameters.
        var result = Separable(TestShapes.Of(7, 7, 6), 5, 3, multiplier: 2);

        Assert.Equal(TestShapes.Of(5, 5, 5), result.Output);
        Assert.Equal(
            [WeightSpec.Of("depthwise_kernel", 3, 3, 6, 2), WeightSpec.Of("pointwise_kernel", 1, 1, 12, 5), WeightSpec.Of("bias", 5)], result.Weights);
        Assert.Equal(173, result.ParameterCount);
    }

    [Fact]
    public void StridesWithDilationAreAllowedAsInKeras3()
    {
        // Keras 3: DepthwiseConv2D(3, strides=2, dilation_rate=2) on (9, 9, 3) -> (None, 3, 3, 3); SeparableConv2D(4, ...) -> (None, 3, 3, 4).
        Assert.Equal(TestShapes.Of(3, 3, 3), Depthwise(TestShapes.Of(9, 9, 3), 3, stride: 2, dilation: 2).Output);
        Assert.Equal(TestShapes.Of(3, 3, 4), Separable(TestShapes.Of(9, 9, 3), 4, 3, stride: 2, dilation: 2).Output);
        Assert.Equal(TestShapes.Of(5, 5, 3), Depthwise(TestShapes.Of(9, 9, 3), 3, stride: 2, padding: PaddingKind.Same).Output);
    }

    [Fact]
    public void UnknownAndNamedSizesFollowTheWindowArithmetic()
    {
        Assert.Equal(TestShapes.Of("h", null, 8), Depthwise(TestShapes.Of("h", null, 4), 3, padding: PaddingKind.Same, multiplier: 2).Output);
        Assert.Equal(TestShapes.Of(null, null, 2), Separable(TestShapes.Of("h", null, 4), 2, 3, useBias: false).Output);
        Assert.Equal([WeightSpec.Of("depthwise_kernel", 3, 3, 4, 1), WeightSpec.Of("pointwise_kernel", 1, 1, 4, 2)], Separable(TestShapes.Of("h", null, 4), 2, 3, useBias: false).Weights);
    }

    [Fact]
    public void Rejections()
    {
        AssertRejected(Depthwise(TestShapes.Of(9, 3), 3), "STK1003", null, "4", "(batch, height, width, channels)", "(batch, 9, 3)");
        AssertRejected(Separable(TestShapes.Of(9, 9, null), 4, 3), "STK1004", null, "channels", "(batch, 9, 9, None)");
        AssertRejected(Depthwise(TestShapes.Of(9, 9, 3), 10), "STK1005", "kernelSize", "kernel", "(10, 10)", "(9, 9)");
        AssertRejected(Separable(TestShapes.Of(4, 9, 3), 2, 3, dilation: 2), "STK1005", "kernelSize", "kernel", "(3, 3) (dilated to (5, 5))", "(4, 9)");
    }
}
