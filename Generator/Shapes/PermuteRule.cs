using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Permute(dims)</c>: dims is a permutation of 1..rank (batch is axis 0 and stays first);
/// output dimension i is input dimension <c>dims[i]</c>, names included. No weights.
/// </summary>
internal static class PermuteRule
{
    /// <summary>Whether <paramref name="dims"/> is a permutation of 1..dims.Length.</summary>
    public static bool IsPermutation(int[] dims) =>
        dims.Length > 0 && dims.OrderBy(d => d).SequenceEqual(Enumerable.Range(1, dims.Length));

    /// <summary>The output shape of <c>Permute(dims)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int[] dims)
    {
        if (dims.Length != input.Rank)
        {
            return ShapeResult.Fail(ShapeError.Rejected(
                input, ShapeIds.PermuteMismatch, "dims", "(" + string.Join(", ", dims.Select(d => Formatting.Number(d))) + ")",
                Formatting.Number(input.Rank), input.ToString()));
        }

        return ShapeResult.Ok(Shape.Of(dims.Select(d => input.Dims[d - 1]).ToArray()));
    }
}
