using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Dropout</c>: output shape equals input shape; no weights. Rates in [0, 1], as Keras'
/// <c>Dropout.__init__</c> (a rate of 1 zeroes every unit in training, as Keras does).
/// </summary>
internal static class DropoutRule
{
    /// <summary>Whether <paramref name="rate"/> is a valid dropout rate: in [0, 1].</summary>
    public static bool IsValidRate(double rate) => rate >= 0 && rate <= 1;

    /// <summary>The output shape of <c>Dropout(rate)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input) => ShapeResult.Ok(input);

    /// <summary>
    /// The output shape of <c>Dropout(rate, noiseShape)</c> on <paramref name="input"/>: the input's, once
    /// <paramref name="noiseShape"/> (batch included, 0 for None; empty for none given) is known to broadcast
    /// over it as Keras' mask does: one entry per axis, each 1, None or the axis' size. Keras checks this only
    /// when a training call draws the mask; a known mismatch is STK1060 at <c>noiseShape</c>. The batch entry
    /// and entries on unknown or named sizes are checked at run time.
    /// </summary>
    public static ShapeResult Apply(Shape input, int[] noiseShape)
    {
        if (noiseShape.Length == 0)
        {
            return ShapeResult.Ok(input);
        }

        var described = "(" + string.Join(", ", System.Linq.Enumerable.Select(noiseShape, n => n == 0 ? "None" : Formatting.Number(n))) + ")";
        var rank = input.Rank + 1;
        if (noiseShape.Length != rank)
        {
            return ShapeResult.Fail(ShapeError.Rejected(
                input, ShapeIds.NoiseShapeMismatch, "noiseShape", described, input.ToString(),
                $"it needs one entry per axis, batch included ({Formatting.Number(rank)}), found {Formatting.Number(noiseShape.Length)}"));
        }

        for (var axis = 1; axis < rank; axis++)
        {
            var entry = noiseShape[axis];
            var dim = input.Dims[axis - 1];
            if (entry > 1 && dim.IsKnown && dim.Size != entry)
            {
                return ShapeResult.Fail(ShapeError.Rejected(
                    input, ShapeIds.NoiseShapeMismatch, "noiseShape", described, input.ToString(),
                    $"axis {Formatting.Number(axis)} must be 1, None or {Formatting.Number(dim.Size)}, found {Formatting.Number(entry)}"));
            }
        }

        return ShapeResult.Ok(input);
    }

    /// <summary>
    /// The output of <c>SpatialDropout1D</c> (rank 3) or <c>SpatialDropout2D</c> (rank 4, channels last or first):
    /// the input's shape; STK1003 for another rank.
    /// </summary>
    public static ShapeResult Spatial(Shape input, int spatial, DataFormatKind format = DataFormatKind.ChannelsLast) =>
        InputChecks.ExactRank(input, spatial + 1, spatial == 1 ? "(batch, steps, channels)" : ConvRule.Layout(2, format)) is { } error
            ? ShapeResult.Fail(error)
            : ShapeResult.Ok(input);
}
