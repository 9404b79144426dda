using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>MaxPooling1D/2D</c> and <c>AveragePooling1D/2D</c>: exactly rank <c>spatial + 2</c>
/// (batch included); each spatial axis as a convolution without dilation (valid
/// <c>floor((n − p) / s) + 1</c>, same <c>ceil(n / s)</c>), channels unchanged, first or last as
/// <c>dataFormat</c> says. No weights.
/// </summary>
internal static class PoolingRule
{
    /// <summary>The output shape of pooling with <paramref name="pool"/> and <paramref name="strides"/> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] pool, int[] strides, PaddingKind padding,
        DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        var spatial = pool.Length;
        var start = DataFormatAxes.SpatialStart(format);
        if (InputChecks.ExactRank(input, spatial + 1, ConvRule.Layout(spatial, format)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        var dims = new List<Dim>();
        for (var axis = 0; axis < spatial; axis++)
        {
            var output = WindowArithmetic.Output(input.Dims[start + axis], pool[axis], strides[axis], 1, padding);
            if (output is null)
            {
                return ShapeResult.Fail(ConvRule.WindowTooLarge(input, spatial, "poolSize", pool, pool.Select(_ => 1).ToArray(), start));
            }

            dims.Add(output);
        }

        var channelAxis = DataFormatAxes.Channel(format, spatial + 1);
        dims.Insert(channelAxis, input.Dims[channelAxis]);
        return ShapeResult.Ok(Shape.Of(dims.ToArray()));
    }
}
