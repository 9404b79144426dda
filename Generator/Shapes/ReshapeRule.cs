using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Reshape(target)</c>: the target sizes, with at most one −1 filled in from the element
/// count. The count is checked only when every input dimension is known (a −1 must then divide
/// exactly); otherwise the −1 stays unknown. No weights.
/// </summary>
internal static class ReshapeRule
{
    /// <summary>Whether <paramref name="target"/> is a valid target: non-empty, positive sizes and at most one −1.</summary>
    public static bool IsValidTarget(int[] target) =>
        target.Length > 0 && target.All(d => d > 0 || d == -1) && target.Count(d => d == -1) <= 1;

    /// <summary>The output shape of <c>Reshape(target)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] target)
    {
        var known = target.Where(d => d > 0).Aggregate(1L, (product, d) => checked(product * d));
        var free = System.Array.IndexOf(target, -1);
        if (!input.IsFullyKnown)
        {
            return ShapeResult.Ok(Shape.Of(target.Select(d => d > 0 ? Dim.Known(d) : Dim.Unknown).ToArray()));
        }

        var elements = input.Dims.Aggregate(1L, (product, d) => checked(product * d.Size));
        if (free >= 0 ? elements % known != 0 : elements != known)
        {
            var what = free >= 0 ? "a multiple of " + Formatting.Number(known) + " elements" : Formatting.Number(known) + " elements";
            return ShapeResult.Fail(ShapeError.Rejected(
                input, ShapeIds.ReshapeMismatch, "targetShape", Describe(target), what, input.ToString(), Formatting.Number(elements)));
        }

        return ShapeResult.Ok(Shape.Of(target.Select(d => d > 0 ? Dim.Known(d) : Dim.Known(elements / known)).ToArray()));
    }

    /// <summary>A target as messages write it: <c>(batch, 7, -1)</c>.</summary>
    public static string Describe(int[] target) => "(batch, " + string.Join(", ", target.Select(d => Formatting.Number(d))) + ")";
}
