using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' preprocessing <c>Normalization(axis, mean, variance)</c>: output shape equals input shape; the kept
/// axes (default the last; none for Keras' <c>axis=None</c>) must be known. Without a given mean and variance
/// the layer has Keras' non-trainable weights <c>mean</c> and <c>variance</c> of the kept axes' sizes and the
/// scalar <c>count</c> (2·C + 1 parameters); with them, none. Given values broadcast along the last kept axis:
/// one value, or one per index of it (STK1050 otherwise).
/// </summary>
internal static class NormalizationRule
{
    /// <summary>The output shape and weights of <c>Normalization</c> on <paramref name="input"/>.</summary>
    /// <param name="input">The input shape, batch excluded.</param>
    /// <param name="axes">The kept axes as written (batch 0, negative from the end); empty for <c>axis=None</c>.</param>
    /// <param name="givenValues">How many values the given mean and variance have; 0 when they are learned by Adapt.</param>
    public static ShapeResult Apply(Shape input, int[] axes, int givenValues)
    {
        var (resolved, error) = NormalizationAxes.Resolve(input, axes);
        if ((error ?? NormalizationAxes.Known(input, resolved!)) is { } failure)
        {
            return ShapeResult.Fail(failure);
        }

        var kept = resolved!.Select(a => input.Dims[a].Size).ToArray();
        if (givenValues == 0)
        {
            return ShapeResult.Ok(input, WeightSpec.Buffer("mean", kept), WeightSpec.Buffer("variance", kept), WeightSpec.Buffer("count"));
        }

        var last = kept.Length == 0 ? 1 : kept[kept.Length - 1];
        if (givenValues != 1 && givenValues != last)
        {
            return ShapeResult.Fail(ShapeError.Rejected(
                input, ShapeIds.NormalizationStatistics, "mean", Formatting.Number(givenValues),
                "(" + string.Join(", ", kept.Select(Formatting.Number)) + ")", input.ToString()));
        }

        return ShapeResult.Ok(input);
    }
}
