using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>
/// Keras' elementwise merges (<c>Add</c>, <c>Subtract</c>, <c>Multiply</c>, <c>Average</c>,
/// <c>Maximum</c>, <c>Minimum</c>): the output shape is Keras'
/// <c>_compute_elemwise_op_output_shape</c> folded over the inputs. Shapes align from their last
/// axis (a shorter shape gains leading axes after the batch); along each axis an unknown size gives
/// an unknown size, a size of 1 takes the other size, and equal sizes stay. No weights.
/// </summary>
/// <remarks>
/// Two refinements over Keras, both about what Keras cannot express: a named size meeting the same
/// name or a 1 keeps its name (Keras would say <c>None</c>); and two known sizes other than 1 that
/// differ on an axis are STK1020 even when an unknown size between them in the input order hides
/// the clash from Keras' fold, since no run-time size can make them broadcast.
/// </remarks>
internal static class ElementwiseMergeRule
{
    /// <summary>The output shape of an elementwise merge of <paramref name="inputs"/>, or STK1023 / STK1020.</summary>
    public static ShapeResult Apply(IReadOnlyList<Shape> inputs, MergeArity arity = MergeArity.AtLeastOne)
    {
        if (MergeInputs.Count(inputs, arity) is { } countError)
        {
            return ShapeResult.Fail(countError);
        }

        for (var k = 1; k < inputs.Count; k++)
        {
            for (var i = 0; i < k; i++)
            {
                var axes = Clashes(inputs[i], inputs[k]);
                if (axes.Count > 0)
                {
                    return ShapeResult.Fail(ShapeError.Rejected(
                        inputs[k], ShapeIds.MergeIncompatible, null, inputs[i].ToString(), inputs[k].ToString(), MergeInputs.Axes(axes)));
                }
            }
        }

        return ShapeResult.Ok(inputs.Skip(1).Aggregate(inputs[0], Broadcast));
    }

    /// <summary>Keras' <c>_compute_elemwise_op_output_shape</c> of two compatible shapes.</summary>
    public static Shape Broadcast(Shape first, Shape second)
    {
        var (longer, shorter) = first.Rank >= second.Rank ? (first, second) : (second, first);
        var offset = longer.Rank - shorter.Rank;
        var dims = longer.Dims.Take(offset).ToList();
        for (var axis = 0; axis < shorter.Rank; axis++)
        {
            dims.Add(Combine(longer.Dims[offset + axis], shorter.Dims[axis]));
        }

        return Shape.Of(dims.ToArray());
    }

    /// <summary>
    /// The axes (of the longer shape, batch counted as 0) where both shapes have known sizes, neither
    /// 1, that differ: the sizes no broadcast can reconcile.
    /// </summary>
    public static IReadOnlyList<int> Clashes(Shape first, Shape second)
    {
        var rank = System.Math.Max(first.Rank, second.Rank);
        var axes = new List<int>();
        for (var fromEnd = System.Math.Min(first.Rank, second.Rank); fromEnd >= 1; fromEnd--)
        {
            var a = first.Dims[first.Rank - fromEnd];
            var b = second.Dims[second.Rank - fromEnd];
            if (a.IsKnown && b.IsKnown && a.Size != 1 && b.Size != 1 && a.Size != b.Size)
            {
                axes.Add(rank - fromEnd + 1);
            }
        }

        return axes;
    }

    private static Dim Combine(Dim a, Dim b)
    {
        if (a.Kind == DimKind.Unknown || b.Kind == DimKind.Unknown)
        {
            return Dim.Unknown;
        }

        if (a.IsKnown && a.Size == 1)
        {
            return b;
        }

        if (b.IsKnown && b.Size == 1)
        {
            return a;
        }

        // Equal known sizes or the same name stay; a name against a size or another name could be
        // either at run time, which Keras writes None.
        return a == b ? a : Dim.Unknown;
    }
}
