using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Conv1D</c> and <c>Conv2D</c> on channels-last (or, with <c>dataFormat</c>, channels-first) input of exactly rank
/// <c>spatial + 2</c> (batch included). Each spatial axis follows <see cref="WindowArithmetic"/>;
/// the channel axis must be known and divisible by <c>groups</c> and becomes <c>filters</c>.
/// Weights: kernel <c>(k..., channels / groups, filters)</c>, bias <c>(filters,)</c>.
/// </summary>
internal static class ConvRule
{
    /// <summary>The layouts messages show, by spatial rank.</summary>
    public static string Layout(int spatial, DataFormatKind format = DataFormatKind.ChannelsLast) => DataFormatAxes.Layout(format, spatial);

    /// <summary>The output shape and weights of a convolution on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, ConvSpec spec)
    {
        var spatial = spec.Kernel.Length;
        var channelAxis = DataFormatAxes.Channel(spec.DataFormat, spatial + 1);
        var start = DataFormatAxes.SpatialStart(spec.DataFormat);
        var error = InputChecks.ExactRank(input, spatial + 1, Layout(spatial, spec.DataFormat)) ?? InputChecks.Known(input, channelAxis, "channels");
        if (error is not null)
        {
            return ShapeResult.Fail(error);
        }

        var channels = input.Dims[channelAxis].Size;
        if (channels % spec.Groups != 0)
        {
            return ShapeResult.Fail(ShapeError.Rejected(
                input, ShapeIds.GroupsMismatch, "groups", Formatting.Number(spec.Groups), Formatting.Number(channels), input.ToString()));
        }

        var dims = new List<Dim>();
        for (var axis = 0; axis < spatial; axis++)
        {
            var output = WindowArithmetic.Output(input.Dims[start + axis], spec.Kernel[axis], spec.Strides[axis], spec.Dilation[axis], spec.Padding);
            if (output is null)
            {
                return ShapeResult.Fail(WindowTooLarge(input, spatial, "kernelSize", spec.Kernel, spec.Dilation, start));
            }

            dims.Add(output);
        }

        dims.Insert(channelAxis, Dim.Known(spec.Filters));
        var kernelShape = spec.Kernel.Select(k => (long)k).Concat([channels / spec.Groups, spec.Filters]).ToArray();
        var kernel = WeightSpec.Of("kernel", kernelShape);
        var shape = Shape.Of(dims.ToArray());
        return spec.UseBias ? ShapeResult.Ok(shape, kernel, WeightSpec.Of("bias", spec.Filters)) : ShapeResult.Ok(shape, kernel);
    }

    /// <summary>STK1005 for a window that does not fit the input's spatial sizes with padding valid.</summary>
    public static ShapeError WindowTooLarge(Shape input, int spatial, string parameter, int[] window, int[] dilation, int start = 0)
    {
        var spans = window.Select((k, i) => (int)WindowArithmetic.Span(k, dilation[i])).ToArray();
        var described = InputChecks.Window(window) + (spans.SequenceEqual(window) ? string.Empty : " (dilated to " + InputChecks.Window(spans) + ")");
        var sizes = input.Dims.Skip(start).Take(spatial).ToArray();
        var found = sizes.Length == 1 ? sizes[0].ToString() : "(" + string.Join(", ", sizes.Select(d => d.ToString())) + ")";
        var name = parameter == "kernelSize" ? "kernel" : "pool";
        return ShapeError.Rejected(input, ShapeIds.WindowTooLarge, parameter, name, described, found);
    }
}
