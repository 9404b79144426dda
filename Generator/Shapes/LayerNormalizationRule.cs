using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>LayerNormalization(axis)</c>: output shape equals input shape; the normalized axes
/// (default the last) must be known. Weights gamma and beta take the normalized axes' sizes
/// (<c>(C,)</c> for one axis, <c>(H, W)</c> for two).
/// </summary>
internal static class LayerNormalizationRule
{
    /// <summary>The output shape and weights of <c>LayerNormalization</c> over <paramref name="axes"/> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] axes, bool center, bool scale)
    {
        var (resolved, error) = NormalizationAxes.Resolve(input, axes);
        if ((error ?? NormalizationAxes.Known(input, resolved!)) is { } failure)
        {
            return ShapeResult.Fail(failure);
        }

        var shape = resolved!.Select(a => input.Dims[a].Size).ToArray();
        var weights = new List<WeightSpec>();
        if (scale)
        {
            weights.Add(WeightSpec.Of("gamma", shape));
        }

        if (center)
        {
            weights.Add(WeightSpec.Of("beta", shape));
        }

        return ShapeResult.Ok(input, weights.ToArray());
    }
}
