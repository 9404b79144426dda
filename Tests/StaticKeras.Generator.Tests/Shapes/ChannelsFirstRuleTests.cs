using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>
/// The convolution and pooling rules with <c>dataFormat: DataFormat.ChannelsFirst</c>; expected
/// shapes from Keras 3.16's <c>compute_output_shape</c> with <c>data_format="channels_first"</c>.
/// </summary>
public sealed class ChannelsFirstRuleTests
{
    private static ConvSpec Conv(int filters, int[] kernel, int[] strides, PaddingKind padding, int groups = 1, int[]? outputPadding = null) =>
        new(filters, kernel, strides, [.. System.Linq.Enumerable.Repeat(1, kernel.Length)], padding, groups, UseBias: true, outputPadding, DataFormatKind.ChannelsFirst);

    [Fact]
    public void Conv2DKeepsTheChannelAxisFirst()
    {
        // Conv2D(2, (3, 2), strides=(2, 1), padding="same", data_format="channels_first") on (None, 3, 5, 4): (None, 2, 3, 4).
        var result = ConvRule.Apply(TestShapes.Of(3, 5, 4), Conv(2, [3, 2], [2, 1], PaddingKind.Same));
        Assert.Equal(TestShapes.Of(2, 3, 4), result.Output);
        Assert.Equal([WeightSpec.Of("kernel", 3, 2, 3, 2), WeightSpec.Of("bias", 2)], result.Weights);

        // valid, unknown and named spatial sizes: (None, 4, None, "w") -> (None, 6, None, None) with a 3x3 kernel.
        Assert.Equal(TestShapes.Of(6, null, null), ConvRule.Apply(TestShapes.Of(4, null, "w"), Conv(6, [3, 3], [1, 1], PaddingKind.Valid, groups: 2)).Output);
        Assert.Equal(TestShapes.Of(6, 5, "w"), ConvRule.Apply(TestShapes.Of(4, 5, "w"), Conv(6, [1, 1], [1, 1], PaddingKind.Same)).Output);
    }

    [Fact]
    public void Conv1DAndTransposed()
    {
        // Conv1D(2, 3, padding="causal", data_format="channels_first") on (None, 3, 6): (None, 2, 6), 20 parameters.
        var conv1 = ConvRule.Apply(TestShapes.Of(3, 6), Conv(2, [3], [1], PaddingKind.Causal));
        Assert.Equal(TestShapes.Of(2, 6), conv1.Output);
        Assert.Equal(20, conv1.ParameterCount);

        // Conv2DTranspose(2, (2, 3), strides=(2, 1), padding="same", data_format="channels_first") on (None, 3, 3, 3): (None, 2, 6, 3).
        var transposed = ConvTransposeRule.Apply(TestShapes.Of(3, 3, 3), Conv(2, [2, 3], [2, 1], PaddingKind.Same));
        Assert.Equal(TestShapes.Of(2, 6, 3), transposed.Output);
        Assert.Equal([WeightSpec.Of("kernel", 2, 3, 2, 3), WeightSpec.Of("bias", 2)], transposed.Weights);
    }

    [Fact]
    public void Pooling()
    {
        // MaxPooling2D((2, 2), strides=(2, 1), padding="same", data_format="channels_first") on (None, 3, 5, 4): (None, 3, 3, 4).
        Assert.Equal(TestShapes.Of(3, 3, 4), PoolingRule.Apply(TestShapes.Of(3, 5, 4), [2, 2], [2, 1], PaddingKind.Same, DataFormatKind.ChannelsFirst).Output);
        // AveragePooling1D(3, strides=2, padding="valid", data_format="channels_first") on (None, "c", 7): (None, "c", 3).
        Assert.Equal(TestShapes.Of("c", 3), PoolingRule.Apply(TestShapes.Of("c", 7), [3], [2], PaddingKind.Valid, DataFormatKind.ChannelsFirst).Output);
    }

    [Fact]
    public void GlobalPoolingKeepsTheChannels()
    {
        // GlobalAveragePooling2D(data_format="channels_first") on (None, 3, 5, 4): (None, 3); keepdims (None, 3, 1, 1).
        Assert.Equal(TestShapes.Of(3), GlobalPoolingRule.Apply(TestShapes.Of(3, 5, 4), 2, keepdims: false, DataFormatKind.ChannelsFirst).Output);
        Assert.Equal(TestShapes.Of(3, 1, 1), GlobalPoolingRule.Apply(TestShapes.Of(3, 5, 4), 2, keepdims: true, DataFormatKind.ChannelsFirst).Output);
        Assert.Equal(TestShapes.Of("c", 1), GlobalPoolingRule.Apply(TestShapes.Of("c", null), 1, keepdims: true, DataFormatKind.ChannelsFirst).Output);
        ConvRuleTests.AssertRejected(
            GlobalPoolingRule.Apply(TestShapes.Of(3, 5), 2, keepdims: false, DataFormatKind.ChannelsFirst), "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 3, 5)");
    }

    [Fact]
    public void UpSampling2DScalesTheAxesAfterTheChannels()
    {
        // UpSampling2D((2, 3), data_format="channels_first") on (None, 3, 4, None): (None, 3, 8, None).
        Assert.Equal(TestShapes.Of(3, 8, null), UpSampling2DRule.Apply(TestShapes.Of(3, 4, null), 2, 3, DataFormatKind.ChannelsFirst).Output);
        Assert.Equal(TestShapes.Of("c", 8, 5), UpSampling2DRule.Apply(TestShapes.Of("c", 4, 5), 2, 1, DataFormatKind.ChannelsFirst).Output);
        ConvRuleTests.AssertRejected(
            UpSampling2DRule.Apply(TestShapes.Of(3, 4), 2, 2, DataFormatKind.ChannelsFirst), "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 3, 4)");
    }

    [Fact]
    public void ZeroPadding2DGrowsTheAxesAfterTheChannels()
    {
        // ZeroPadding2D(((1, 0), (0, 2)), data_format="channels_first") on (None, 2, None, 3): (None, 2, None, 5).
        Assert.Equal(TestShapes.Of(2, null, 5), ZeroPadding2DRule.Apply(TestShapes.Of(2, null, 3), 1, 0, 0, 2, DataFormatKind.ChannelsFirst).Output);
        ConvRuleTests.AssertRejected(
            ZeroPadding2DRule.Apply(TestShapes.Of(3, 4), 1, 1, 1, 1, DataFormatKind.ChannelsFirst), "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 3, 4)");
    }

    [Fact]
    public void Cropping2DCutsTheAxesAfterTheChannels()
    {
        // Cropping2D(((1, 2), (0, 3)), data_format="channels_first") on (None, 2, None, 5): (None, 2, None, 2).
        Assert.Equal(TestShapes.Of(2, null, 2), CroppingRule.Apply(TestShapes.Of(2, null, 5), [1, 2, 0, 3], ["height", "width"], DataFormatKind.ChannelsFirst).Output);
        ConvRuleTests.AssertRejected(
            CroppingRule.Apply(TestShapes.Of(2, 4, 5), [1, 2, 3, 2], ["height", "width"], DataFormatKind.ChannelsFirst), "STK1040", "width", "3", "2", "width", "(batch, 2, 4, 5)");
    }

    [Fact]
    public void DepthwiseAndSeparableKeepTheChannelAxisFirst()
    {
        // DepthwiseConv2D((3, 2), depth_multiplier=2, data_format="channels_first") on (None, 3, 5, 6): (None, 6, 3, 5), 42 parameters.
        var depthwise = DepthwiseConvRule.Apply(TestShapes.Of(3, 5, 6), null, [3, 2], [1, 1], [1, 1], PaddingKind.Valid, 2, true, DataFormatKind.ChannelsFirst);
        Assert.Equal(TestShapes.Of(6, 3, 5), depthwise.Output);
        Assert.Equal([WeightSpec.Of("kernel", 3, 2, 3, 2), WeightSpec.Of("bias", 6)], depthwise.Weights);
        Assert.Equal(42, depthwise.ParameterCount);
        // DepthwiseConv2D(2, strides=2, dilation_rate=2, padding="same", data_format="channels_first") on (None, 3, 5, None): (None, 3, 3, None).
        Assert.Equal(
            TestShapes.Of(3, 3, null),
            DepthwiseConvRule.Apply(TestShapes.Of(3, 5, null), null, [2, 2], [2, 2], [2, 2], PaddingKind.Same, 1, true, DataFormatKind.ChannelsFirst).Output);

        // SeparableConv2D(4, (2, 3), depth_multiplier=2, data_format="channels_first") on (None, 3, 5, 6): (None, 4, 4, 4), 64 parameters.
        var separable = DepthwiseConvRule.Apply(TestShapes.Of(3, 5, 6), 4, [2, 3], [1, 1], [1, 1], PaddingKind.Valid, 2, true, DataFormatKind.ChannelsFirst);
        Assert.Equal(TestShapes.Of(4, 4, 4), separable.Output);
        Assert.Equal([WeightSpec.Of("depthwise_kernel", 2, 3, 3, 2), WeightSpec.Of("pointwise_kernel", 1, 1, 6, 4), WeightSpec.Of("bias", 4)], separable.Weights);
        Assert.Equal(64, separable.ParameterCount);
        // SeparableConv2D(2, 3, strides=(2, 1), padding="same", data_format="channels_first") on (None, 3, 5, 6): (None, 2, 3, 6), 35 parameters.
        var strided = DepthwiseConvRule.Apply(TestShapes.Of(3, 5, 6), 2, [3, 3], [2, 1], [1, 1], PaddingKind.Same, 1, true, DataFormatKind.ChannelsFirst);
        Assert.Equal(TestShapes.Of(2, 3, 6), strided.Output);
        Assert.Equal(35, strided.ParameterCount);

        // Keras cannot build on an unknown channel axis, and rejects a kernel larger than (5, 6).
        ConvRuleTests.AssertRejected(
            DepthwiseConvRule.Apply(TestShapes.Of(null, 5, 6), null, [3, 3], [1, 1], [1, 1], PaddingKind.Valid, 1, true, DataFormatKind.ChannelsFirst),
            "STK1004", null, "channels", "(batch, None, 5, 6)");
        ConvRuleTests.AssertRejected(
            DepthwiseConvRule.Apply(TestShapes.Of(3, 5, 6), null, [6, 6], [1, 1], [1, 1], PaddingKind.Valid, 1, true, DataFormatKind.ChannelsFirst),
            "STK1005", "kernelSize", "kernel", "(6, 6)", "(5, 6)");
        ConvRuleTests.AssertRejected(
            DepthwiseConvRule.Apply(TestShapes.Of(5, 6), 2, [3, 3], [1, 1], [1, 1], PaddingKind.Valid, 1, true, DataFormatKind.ChannelsFirst),
            "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 5, 6)");
    }

    [Fact]
    public void SpatialDropout2DKeepsItsInputAndNamesTheLayout()
    {
        // SpatialDropout2D(0.2, data_format="channels_first") on (None, 3, None, 5): unchanged.
        Assert.Equal(TestShapes.Of(3, null, 5), DropoutRule.Spatial(TestShapes.Of(3, null, 5), 2, DataFormatKind.ChannelsFirst).Output);
        ConvRuleTests.AssertRejected(
            DropoutRule.Spatial(TestShapes.Of(3, 4), 2, DataFormatKind.ChannelsFirst), "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 3, 4)");
    }

    [Fact]
    public void RejectionsNameTheChannelsFirstLayout()
    {
        ConvRuleTests.AssertRejected(
            ConvRule.Apply(TestShapes.Of(28, 28), Conv(1, [3, 3], [1, 1], PaddingKind.Valid)), "STK1003", null, "4", "(batch, channels, height, width)", "(batch, 28, 28)");
        ConvRuleTests.AssertRejected(
            ConvRule.Apply(TestShapes.Of(null, 28, 28), Conv(1, [3, 3], [1, 1], PaddingKind.Valid)), "STK1004", null, "channels", "(batch, None, 28, 28)");
        ConvRuleTests.AssertRejected(
            ConvRule.Apply(TestShapes.Of(3, 8, 8), Conv(4, [3, 3], [1, 1], PaddingKind.Valid, groups: 2)), "STK1006", "groups", "2", "3", "(batch, 3, 8, 8)");
        ConvRuleTests.AssertRejected(
            ConvRule.Apply(TestShapes.Of(3, 4, 9), Conv(4, [5, 5], [1, 1], PaddingKind.Valid)), "STK1005", "kernelSize", "kernel", "(5, 5)", "(4, 9)");
        ConvRuleTests.AssertRejected(
            PoolingRule.Apply(TestShapes.Of(2, 3, 3), [4, 2], [4, 2], PaddingKind.Valid, DataFormatKind.ChannelsFirst), "STK1005", "poolSize", "pool", "(4, 2)", "(3, 3)");
    }
}
