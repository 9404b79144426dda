using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// A model called as a layer: it takes inputs of its declared shape (same rank; sizes known on both
/// sides must agree, an unknown or symbolic size agrees with anything) and returns its output shape.
/// Its weights were built by its own constructor; they are listed here only to count them.
/// </summary>
internal static class NestedModelRule
{
    /// <summary>The output of a model declared <paramref name="declared"/> -> <paramref name="output"/> on <paramref name="input"/>, or STK1031.</summary>
    public static ShapeResult Apply(Shape input, Shape declared, Shape output, long trainable, long nonTrainable)
    {
        var fits = input.Rank == declared.Rank
            && input.Dims.Zip(declared.Dims, (a, b) => !a.IsKnown || !b.IsKnown || a.Size == b.Size).All(ok => ok);
        if (!fits)
        {
            return ShapeResult.Fail(ShapeError.Rejected(input, ShapeIds.NestedModelInput, null, declared.ToString(), input.ToString()));
        }

        var weights = new[] { WeightSpec.Of("trainable weights", trainable), WeightSpec.Buffer("non-trainable weights", nonTrainable) };
        return new ShapeResult(output, weights.Where(w => w.Count > 0).ToEquatableArray(), null);
    }
}
