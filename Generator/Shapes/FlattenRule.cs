using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Flatten</c>: all non-batch dimensions become one, their product when all are known and
/// unknown otherwise; a (batch,) input becomes (batch, 1). No weights.
/// </summary>
internal static class FlattenRule
{
    /// <summary>The output shape of <c>Flatten()</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input)
    {
        if (!input.IsFullyKnown)
        {
            return ShapeResult.Ok(Shape.Of(Dim.Unknown));
        }

        var size = input.Dims.Aggregate(1L, (product, dim) => checked(product * dim.Size));
        return ShapeResult.Ok(Shape.Of(size));
    }
}
