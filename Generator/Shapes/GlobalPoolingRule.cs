using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>GlobalAveragePooling1D/2D</c> and <c>GlobalMaxPooling1D/2D</c>: exactly rank
/// <c>spatial + 2</c>; the spatial axes are reduced away, or kept as 1 with <c>keepdims</c>. No weights.
/// </summary>
internal static class GlobalPoolingRule
{
    /// <summary>The output shape of global pooling over <paramref name="spatial"/> axes of <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int spatial, bool keepdims)
    {
        if (InputChecks.ExactRank(input, spatial + 1, ConvRule.Layout(spatial)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        var channels = input.Dims[spatial];
        return ShapeResult.Ok(keepdims ? Shape.Of(Enumerable.Repeat(Dim.Known(1), spatial).Append(channels).ToArray()) : Shape.Of(channels));
    }
}
