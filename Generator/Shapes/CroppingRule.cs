using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Cropping1D</c> on <c>(batch, steps, features)</c> and <c>Cropping2D</c> on
/// <c>(batch, height, width, channels)</c>: each spatial axis loses start + end cells; a known axis
/// must keep at least one (STK1040 at the argument); unknown stays unknown, a name survives no cropping.
/// </summary>
internal static class CroppingRule
{
    private static readonly string[] Layouts = ["(batch, steps, features)", "(batch, height, width, channels)"];
    private static readonly string[][] AxisNames = [["steps"], ["height", "width"]];

    /// <summary>The output for <paramref name="crops"/> ((start, end) per spatial axis), each axis' argument in <paramref name="parameters"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] crops, string[] parameters, DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        var spatial = crops.Length / 2;
        var layout = format == DataFormatKind.ChannelsFirst ? ConvRule.Layout(spatial, format) : Layouts[spatial - 1];
        var start0 = DataFormatAxes.SpatialStart(format);
        if (InputChecks.ExactRank(input, spatial + 1, layout) is { } rank)
        {
            return ShapeResult.Fail(rank);
        }

        var dims = input.Dims.ToArray();
        for (var axis = 0; axis < spatial; axis++)
        {
            int start = crops[2 * axis], end = crops[2 * axis + 1];
            var dim = input.Dims[start0 + axis];
            if (start + end == 0)
            {
                continue;
            }

            if (!dim.IsKnown)
            {
                dims[start0 + axis] = Dim.Unknown;
            }
            else if (start + end >= dim.Size)
            {
                return ShapeResult.Fail(ShapeError.Rejected(input, ShapeIds.CroppingTooLarge, parameters[axis],
                    Formatting.Number(start), Formatting.Number(end), AxisNames[spatial - 1][axis], input.ToString()));
            }
            else
            {
                dims[start0 + axis] = Dim.Known(dim.Size - start - end);
            }
        }

        return ShapeResult.Ok(new Shape(dims.ToEquatableArray()));
    }
}
