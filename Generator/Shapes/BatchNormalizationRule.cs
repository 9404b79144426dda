using System.Collections.Generic;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>BatchNormalization(axis)</c>: output shape equals input shape; the feature axis must be
/// known (C). Weights: gamma (C,) with <c>scale</c>, beta (C,) with <c>center</c>, both trainable;
/// moving_mean and moving_variance (C,), non-trainable: 4·C parameters by default, 2·C trainable.
/// </summary>
internal static class BatchNormalizationRule
{
    /// <summary>Whether <paramref name="momentum"/> is valid: in [0, 1].</summary>
    public static bool IsValidMomentum(double momentum) => momentum >= 0 && momentum <= 1;

    /// <summary>The output shape and weights of <c>BatchNormalization</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int axis, bool center, bool scale)
    {
        var (axes, error) = NormalizationAxes.Resolve(input, [axis]);
        if ((error ?? NormalizationAxes.Known(input, axes!)) is { } failure)
        {
            return ShapeResult.Fail(failure);
        }

        var features = input.Dims[axes![0]].Size;
        var weights = new List<WeightSpec>();
        if (scale)
        {
            weights.Add(WeightSpec.Of("gamma", features));
        }

        if (center)
        {
            weights.Add(WeightSpec.Of("beta", features));
        }

        weights.Add(WeightSpec.Buffer("moving_mean", features));
        weights.Add(WeightSpec.Buffer("moving_variance", features));
        return ShapeResult.Ok(input, weights.ToArray());
    }
}
