using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>A parsed shape signature, batch excluded: <c>"..., d"</c> is <c>[DimEllipsis, DimName(d)]</c>.</summary>
/// <param name="Text">The signature as written.</param>
/// <param name="Dims">Its dimensions in order.</param>
internal sealed record ShapeSignature(string Text, EquatableArray<DimExpr> Dims)
{
    /// <summary>The position of <c>...</c>, or -1.</summary>
    public int EllipsisIndex
    {
        get
        {
            for (var i = 0; i < Dims.Count; i++)
            {
                if (Dims[i] is DimEllipsis)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Whether it has <c>...</c>.</summary>
    public bool HasEllipsis => EllipsisIndex >= 0;

    /// <summary>The number of dimensions besides <c>...</c>.</summary>
    public int FixedRank => HasEllipsis ? Dims.Count - 1 : Dims.Count;

    /// <summary>The signature with its batch, as messages write it: <c>(batch, ..., d)</c>.</summary>
    public override string ToString() => "(" + string.Join(", ", new[] { "batch" }.Concat(Dims.Select(d => d.ToString()))) + ")";

    /// <summary>The signature without batch, as a weight's shape: <c>(d, units)</c>, <c>(units,)</c>.</summary>
    public string ToTupleString() =>
        Dims.Count == 1 ? "(" + Dims[0] + ",)" : "(" + string.Join(", ", Dims.Select(d => d.ToString())) + ")";
}
