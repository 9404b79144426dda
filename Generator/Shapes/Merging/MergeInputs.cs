using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>The checks and message pieces the merge rules share.</summary>
internal static class MergeInputs
{
    /// <summary>
    /// STK1023 unless <paramref name="inputs"/> has as many shapes as <paramref name="arity"/> allows.
    /// Keras 3's <c>Merge.build</c> accepts a single input (the merge returns it); only
    /// <c>Subtract</c> needs exactly two.
    /// </summary>
    public static ShapeError? Count(IReadOnlyList<Shape> inputs, MergeArity arity)
    {
        var count = inputs.Count;
        var valid = arity == MergeArity.ExactlyTwo ? count == 2 : count >= 1;
        if (valid)
        {
            return null;
        }

        var found = count == 0 ? Shape.Of(System.Array.Empty<Dim>()) : inputs[0];
        var needed = arity == MergeArity.ExactlyTwo ? "exactly 2" : "at least 1";
        return ShapeError.Rejected(found, ShapeIds.MergeInputCount, null, needed, Formatting.Number(count));
    }

    /// <summary>Axes as messages list them, batch counted as axis 0: <c>axis 2</c>, <c>axes 1, 2</c>.</summary>
    public static string Axes(IReadOnlyList<int> axes) =>
        (axes.Count == 1 ? "axis " : "axes ") + string.Join(", ", axes.Select(a => Formatting.Number(a)));
}
