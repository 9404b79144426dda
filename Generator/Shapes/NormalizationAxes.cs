using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>Resolves normalization axes (Keras counts the batch as axis 0; negative from the end).</summary>
internal static class NormalizationAxes
{
    /// <summary>
    /// The axes of <paramref name="input"/> (batch excluded, 0-based) <paramref name="axes"/> names, or
    /// STK1009 when one falls outside the input or names the batch, STK1012 when two name the same axis.
    /// </summary>
    public static (int[]? Axes, ShapeError? Error) Resolve(Shape input, int[] axes)
    {
        var rank = input.Rank + 1;
        var resolved = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (resolved.Any(a => a < 1 || a >= rank))
        {
            return (null, ShapeError.Rejected(input, ShapeIds.AxisOutOfRange, "axis", Describe(axes), Formatting.Number(rank), input.ToString()));
        }

        // Keras' LayerNormalization.build: "Duplicate axes are not allowed" once negative axes are
        // resolved against the rank ([-1, 1] on a rank-2 input names axis 1 twice).
        if (resolved.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return (null, ShapeError.Rejected(input, ShapeIds.DuplicateAxis, "axis", Describe(axes), Formatting.Number(duplicate.Key), Formatting.Number(rank), input.ToString()));
        }

        return (resolved.Select(a => a - 1).OrderBy(a => a).ToArray(), null);
    }

    private static string Describe(int[] axes) =>
        axes.Length == 1 ? Formatting.Number(axes[0]) : "[" + string.Join(", ", axes.Select(a => Formatting.Number(a))) + "]";

    /// <summary>STK1004 unless every axis in <paramref name="axes"/> is known.</summary>
    public static ShapeError? Known(Shape input, int[] axes) =>
        axes.Select(a => InputChecks.Known(input, a, "axis " + Formatting.Number(a + 1))).FirstOrDefault(e => e is not null);
}
