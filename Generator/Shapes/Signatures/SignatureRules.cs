using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>What each role of signature may contain, beyond the syntax.</summary>
internal static class SignatureRules
{
    /// <summary>The Input binds sizes: names, integers and <c>...</c>, no arithmetic.</summary>
    public static SignatureError? CheckInput(ShapeSignature input) =>
        input.Dims.FirstOrDefault(d => d is DimBinary) is { } expression
            ? new SignatureError(expression.Start, expression.Length, $"the Input signature binds sizes with names, positive integers and '...', found the expression '{expression}'")
            : null;

    /// <summary>The Output may use <c>...</c> only when the Input has one to match.</summary>
    public static SignatureError? CheckOutput(ShapeSignature output, ShapeSignature input) =>
        output.HasEllipsis && !input.HasEllipsis
            ? Error(output.Dims[output.EllipsisIndex], "'...' in the Output signature needs a '...' in the Input signature to take its dimensions from")
            : null;

    /// <summary>A weight's shape is fixed: no <c>...</c>, at least one dimension.</summary>
    public static SignatureError? CheckWeight(ShapeSignature weight) =>
        weight.HasEllipsis
            ? Error(weight.Dims[weight.EllipsisIndex], "a weight's shape must list every dimension, found '...'")
            : weight.Dims.Count == 0
                ? new SignatureError(0, 0, "a weight needs at least one dimension, such as \"units\" or \"d, units\"")
                : null;

    /// <summary>The names in <paramref name="signature"/> that neither the Input nor a constructor parameter binds, in order.</summary>
    public static IEnumerable<DimName> Unbound(ShapeSignature signature, ShapeSignature input, ICollection<string> parameters)
    {
        var bound = new HashSet<string>(Names(input).Select(n => n.Name).Concat(parameters));
        return Names(signature).Where(n => !bound.Contains(n.Name));
    }

    /// <summary>Every name in <paramref name="signature"/>, in order of appearance.</summary>
    public static IEnumerable<DimName> Names(ShapeSignature signature) => signature.Dims.SelectMany(Names);

    private static IEnumerable<DimName> Names(DimExpr expression) => expression switch
    {
        DimName name => [name],
        DimBinary binary => Names(binary.Left).Concat(Names(binary.Right)),
        _ => [],
    };

    private static SignatureError Error(DimExpr culprit, string message) => new(culprit.Start, culprit.Length, message);
}
