using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// The activation layers with a shape rule: <c>Softmax(axis)</c> (output shape equals input shape;
/// the axis must be a feature axis) and <c>PReLU(sharedAxes)</c> (alpha of the input's shape with 1
/// on each shared axis; the other axes known). ReLU and LeakyReLU keep the shape and have no rule.
/// </summary>
internal static class ActivationLayerRules
{
    /// <summary>The output of <c>Softmax(axis)</c>, or STK1009 when the axis is outside the input or the batch.</summary>
    public static ShapeResult Softmax(Shape input, int axis)
    {
        var rank = input.Rank + 1;
        var resolved = axis < 0 ? axis + rank : axis;
        return resolved >= 1 && resolved < rank
            ? ShapeResult.Ok(input)
            : ShapeResult.Fail(ShapeError.Rejected(input, ShapeIds.AxisOutOfRange, "axis", Formatting.Number(axis), Formatting.Number(rank), input.ToString()));
    }

    /// <summary>
    /// The output and <c>alpha</c> weight of <c>PReLU(sharedAxes)</c>: STK1009 at <c>sharedAxes</c> for
    /// an axis outside the input, STK1004 for an unknown axis alpha is not shared along.
    /// </summary>
    public static ShapeResult PReLU(Shape input, int[] sharedAxes)
    {
        var rank = input.Rank + 1;
        var outside = sharedAxes.Where(a => a < 1 || a >= rank).ToArray();
        if (outside.Length > 0)
        {
            var bad = outside[0];
            return ShapeResult.Fail(ShapeError.Rejected(input, ShapeIds.AxisOutOfRange, "sharedAxes", Formatting.Number(bad), Formatting.Number(rank), input.ToString()));
        }

        var alpha = new long[input.Rank];
        for (var i = 0; i < input.Rank; i++)
        {
            if (sharedAxes.Contains(i + 1))
            {
                alpha[i] = 1;
            }
            else if (InputChecks.Known(input, i, "axis " + Formatting.Number(i + 1)) is { } unknown)
            {
                return ShapeResult.Fail(unknown);
            }
            else
            {
                alpha[i] = input.Dims[i].Size;
            }
        }

        return ShapeResult.Ok(input, WeightSpec.Of("alpha", alpha));
    }
}
