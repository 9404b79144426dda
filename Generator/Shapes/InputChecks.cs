using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>The input checks several layer families share: an exact rank, a dimension that must be known.</summary>
internal static class InputChecks
{
    /// <summary>STK1003 unless <paramref name="input"/> has <paramref name="rank"/> dimensions after the batch.</summary>
    /// <param name="input">The layer's input.</param>
    /// <param name="rank">The rank needed, batch excluded.</param>
    /// <param name="layout">The layout the layer takes, e.g. <c>(batch, height, width, channels)</c>.</param>
    public static ShapeError? ExactRank(Shape input, int rank, string layout) =>
        input.Rank == rank ? null : ShapeError.Rejected(input, ShapeIds.RankMismatch, null, Formatting.Number(rank + 1), layout, input.ToString());

    /// <summary>STK1004 unless dimension <paramref name="axis"/> (batch excluded) of <paramref name="input"/> is known.</summary>
    /// <param name="input">The layer's input.</param>
    /// <param name="axis">The axis, batch excluded.</param>
    /// <param name="what">What the dimension is, e.g. <c>channels</c>.</param>
    public static ShapeError? Known(Shape input, int axis, string what) =>
        input.Dims[axis].IsKnown ? null : ShapeError.Rejected(input, ShapeIds.UnknownDimension, null, what, input.ToString());

    /// <summary>A window size as Keras writes it: <c>3</c> for one axis, <c>(3, 3)</c> for two.</summary>
    public static string Window(int[] sizes) =>
        sizes.Length == 1 ? Formatting.Number(sizes[0]) : "(" + string.Join(", ", System.Linq.Enumerable.Select(sizes, s => Formatting.Number(s))) + ")";
}
