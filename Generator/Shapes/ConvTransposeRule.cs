using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Conv2DTranspose</c> (<c>deconv_output_length</c>) on <c>(batch, height, width, channels)</c>
/// (or <c>(batch, channels, height, width)</c> with <c>dataFormat</c> channels first):
/// without output padding "valid" gives <c>n·s + max(k' − s, 0)</c> and "same" <c>n·s</c>; with it,
/// <c>(n − 1)·s + k' − 2·pad + output_padding</c>, pad = k' / 2 for "same" (k' the dilated kernel).
/// Weights: kernel <c>(kh, kw, filters, channels)</c>, bias <c>(filters,)</c>.
/// </summary>
internal static class ConvTransposeRule
{
    /// <summary>
    /// The output length along one axis; unknown stays unknown, a name survives only stride 1 "same"
    /// without output padding; <see langword="null"/> when a known length gives no cell (possible with
    /// "same" and output padding: <c>(n − 1)·s + k' − 2·(k' / 2) + output_padding</c> can be 0).
    /// </summary>
    public static Dim? Output(Dim length, int kernel, int stride, int dilation, PaddingKind padding, int? outputPadding)
    {
        if (!length.IsKnown)
        {
            return stride == 1 && padding == PaddingKind.Same && outputPadding is null ? length : Dim.Unknown;
        }

        var size = KnownOutput(length.Size, kernel, stride, dilation, padding, outputPadding);
        return size < 1 ? null : Dim.Known(size);
    }

    /// <summary>The output shape and weights of <c>Conv2DTranspose</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, ConvSpec spec)
    {
        var channelAxis = DataFormatAxes.Channel(spec.DataFormat, 3);
        var start = DataFormatAxes.SpatialStart(spec.DataFormat);
        var error = InputChecks.ExactRank(input, 3, ConvRule.Layout(2, spec.DataFormat)) ?? InputChecks.Known(input, channelAxis, "channels");
        if (error is not null)
        {
            return ShapeResult.Fail(error);
        }

        var dims = new List<Dim>();
        for (var axis = 0; axis < 2; axis++)
        {
            var extra = spec.OutputPadding?[axis];
            if (Output(input.Dims[start + axis], spec.Kernel[axis], spec.Strides[axis], spec.Dilation[axis], spec.Padding, extra) is not { } dim)
            {
                var size = KnownOutput(input.Dims[start + axis].Size, spec.Kernel[axis], spec.Strides[axis], spec.Dilation[axis], spec.Padding, extra);
                return ShapeResult.Fail(ShapeError.Rejected(
                    input, ShapeIds.EmptyTransposedOutput, "outputPadding", input.ToString(), Formatting.Number(size), axis == 0 ? "height" : "width",
                    InputChecks.Window(spec.Kernel), InputChecks.Window(spec.OutputPadding!)));
            }

            dims.Add(dim);
        }

        dims.Insert(channelAxis, Dim.Known(spec.Filters));
        var kernel = WeightSpec.Of("kernel", spec.Kernel.Select(k => (long)k).Concat([spec.Filters, input.Dims[channelAxis].Size]).ToArray());
        var shape = Shape.Of(dims.ToArray());
        return spec.UseBias ? ShapeResult.Ok(shape, kernel, WeightSpec.Of("bias", spec.Filters)) : ShapeResult.Ok(shape, kernel);
    }

    private static long KnownOutput(long n, int kernel, int stride, int dilation, PaddingKind padding, int? outputPadding)
    {
        var span = WindowArithmetic.Span(kernel, dilation);
        if (outputPadding is not { } extra)
        {
            return padding == PaddingKind.Valid ? (n * stride) + System.Math.Max(span - stride, 0) : n * stride;
        }

        var pad = padding == PaddingKind.Same ? span / 2 : 0;
        return ((n - 1) * stride) + span - (2 * pad) + extra;
    }
}
