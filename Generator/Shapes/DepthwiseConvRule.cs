using System.Collections.Generic;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>DepthwiseConv2D</c> and <c>SeparableConv2D</c> on input of exactly rank 4 (batch included),
/// channels last or first, as their <c>compute_output_shape</c>: each spatial axis follows
/// <see cref="WindowArithmetic"/> (strides and dilation above 1 may be combined, as Keras 3 allows for
/// these layers); the channel axis must be known and becomes <c>channels · depthMultiplier</c>
/// (depthwise) or <c>filters</c> (separable).
/// Weights: DepthwiseConv2D <c>kernel (kh, kw, channels, multiplier)</c>, <c>bias (channels · multiplier,)</c>;
/// SeparableConv2D <c>depthwise_kernel (kh, kw, channels, multiplier)</c>,
/// <c>pointwise_kernel (1, 1, channels · multiplier, filters)</c>, <c>bias (filters,)</c>.
/// </summary>
internal static class DepthwiseConvRule
{
    /// <summary>
    /// The output shape and weights on <paramref name="input"/>; <paramref name="filters"/> is
    /// <see langword="null"/> for DepthwiseConv2D and SeparableConv2D's pointwise filters otherwise.
    /// </summary>
    public static ShapeResult Apply(
        Shape input, int? filters, int[] kernel, int[] strides, int[] dilation, PaddingKind padding, int depthMultiplier, bool useBias,
        DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        var channelAxis = DataFormatAxes.Channel(format, 3);
        var start = DataFormatAxes.SpatialStart(format);
        var error = InputChecks.ExactRank(input, 3, ConvRule.Layout(2, format)) ?? InputChecks.Known(input, channelAxis, "channels");
        if (error is not null)
        {
            return ShapeResult.Fail(error);
        }

        var dims = new List<Dim>();
        for (var axis = 0; axis < 2; axis++)
        {
            var output = WindowArithmetic.Output(input.Dims[start + axis], kernel[axis], strides[axis], dilation[axis], padding);
            if (output is null)
            {
                return ShapeResult.Fail(ConvRule.WindowTooLarge(input, 2, "kernelSize", kernel, dilation, start));
            }

            dims.Add(output);
        }

        var channels = input.Dims[channelAxis].Size;
        var depthwiseChannels = channels * depthMultiplier;
        var outputChannels = filters ?? depthwiseChannels;
        dims.Insert(channelAxis, Dim.Known(outputChannels));
        var weights = new List<WeightSpec>
        {
            WeightSpec.Of(filters is null ? "kernel" : "depthwise_kernel", kernel[0], kernel[1], channels, depthMultiplier),
        };
        if (filters is { } f)
        {
            weights.Add(WeightSpec.Of("pointwise_kernel", 1, 1, depthwiseChannels, f));
        }

        if (useBias)
        {
            weights.Add(WeightSpec.Of("bias", outputChannels));
        }

        return ShapeResult.Ok(Shape.Of(dims.ToArray()), weights.ToArray());
    }
}
