using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>MaxPooling1D/2D</c> and <c>AveragePooling1D/2D</c>: exactly rank <c>spatial + 2</c>
/// (batch included); each spatial axis as a convolution without dilation (valid
/// <c>floor((n − p) / s) + 1</c>, same <c>ceil(n / s)</c>), channels unchanged. No weights.
/// </summary>
internal static class PoolingRule
{
    /// <summary>The output shape of pooling with <paramref name="pool"/> and <paramref name="strides"/> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] pool, int[] strides, PaddingKind padding)
    {
        var spatial = pool.Length;
        if (InputChecks.ExactRank(input, spatial + 1, ConvRule.Layout(spatial)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        var dims = new List<Dim>();
        for (var axis = 0; axis < spatial; axis++)
        {
            var output = WindowArithmetic.Output(input.Dims[axis], pool[axis], strides[axis], 1, padding);
            if (output is null)
            {
                return ShapeResult.Fail(ConvRule.WindowTooLarge(input, spatial, "poolSize", pool, pool.Select(_ => 1).ToArray()));
            }

            dims.Add(output);
        }

        dims.Add(input.Dims[spatial]);
        return ShapeResult.Ok(Shape.Of(dims.ToArray()));
    }
}
