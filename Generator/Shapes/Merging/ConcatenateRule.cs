using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>
/// Keras' <c>Concatenate(axis)</c>: inputs of one rank whose sizes agree on every axis but
/// <c>axis</c> (an unknown or named size agrees with anything); the output is the first input's
/// shape with the joined axis the sum of the inputs' sizes, unknown when any is not known. Axes
/// count the batch as 0 and negative axes from the end; the batch cannot be joined. No weights.
/// </summary>
internal static class ConcatenateRule
{
    /// <summary>The output shape of <c>Concatenate(axis)</c> on <paramref name="inputs"/>, or STK1023 / STK1021 / STK1022.</summary>
    public static ShapeResult Apply(IReadOnlyList<Shape> inputs, int axis = -1)
    {
        if (MergeInputs.Count(inputs, MergeArity.AtLeastOne) is { } countError)
        {
            return ShapeResult.Fail(countError);
        }

        var first = inputs[0];
        var rank = first.Rank + 1;
        var resolved = axis < 0 ? axis + rank : axis;
        if (resolved < 1 || resolved >= rank)
        {
            return ShapeResult.Fail(ShapeError.Rejected(
                first, ShapeIds.ConcatenateAxisOutOfRange, "axis", Formatting.Number(axis), Formatting.Number(rank), first.ToString()));
        }

        if (Mismatch(inputs, axis, resolved) is { } mismatch)
        {
            return ShapeResult.Fail(mismatch);
        }

        var joined = inputs.All(s => s.Dims[resolved - 1].IsKnown) ? Dim.Known(inputs.Sum(s => s.Dims[resolved - 1].Size)) : Dim.Unknown;
        var dims = first.Dims.ToArray();
        dims[resolved - 1] = joined;
        return ShapeResult.Ok(Shape.Of(dims));
    }

    private static ShapeError? Mismatch(IReadOnlyList<Shape> inputs, int axis, int resolved)
    {
        var first = inputs[0];
        if (inputs.FirstOrDefault(s => s.Rank != first.Rank) is { } other)
        {
            return Rejected(first, other, axis, "ranks " + Formatting.Number(first.Rank + 1) + " and " + Formatting.Number(other.Rank + 1));
        }

        for (var k = 1; k < inputs.Count; k++)
        {
            for (var i = 0; i < k; i++)
            {
                var axes = Enumerable.Range(1, first.Rank)
                    .Where(a => a != resolved && Differ(inputs[i].Dims[a - 1], inputs[k].Dims[a - 1]))
                    .ToList();
                if (axes.Count > 0)
                {
                    return Rejected(inputs[i], inputs[k], axis, "sizes in " + MergeInputs.Axes(axes));
                }
            }
        }

        return null;
    }

    private static bool Differ(Dim a, Dim b) => a.IsKnown && b.IsKnown && a.Size != b.Size;

    private static ShapeError Rejected(Shape first, Shape second, int axis, string difference) =>
        ShapeError.Rejected(second, ShapeIds.ConcatenateMismatch, null, first.ToString(), second.ToString(), Formatting.Number(axis), difference);
}
