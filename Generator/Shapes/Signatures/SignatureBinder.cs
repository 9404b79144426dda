using System.Collections.Generic;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>
/// Matches an input shape against a layer's input signature: checks the rank, binds each name to
/// its size (a primary-constructor parameter is bound first, to its argument), and checks that
/// integers and repeated names agree. Only sizes known on both sides can disagree.
/// </summary>
internal static class SignatureBinder
{
    /// <summary>The binding, or the first way <paramref name="actual"/> breaks <paramref name="input"/>.</summary>
    public static (SignatureBinding? Binding, ContractViolation? Violation) Bind(
        ShapeSignature input, Shape actual, IReadOnlyDictionary<string, long> parameters)
    {
        var binding = new SignatureBinding();
        foreach (var parameter in parameters)
        {
            // A size of 0 or less (new MyLayer(0), new MyLayer(-3)) sizes nothing: the user's mistake, not ours.
            if (parameter.Value <= 0)
            {
                return (null, ContractViolation.Of(
                    ContractViolationKind.InvalidSize, "constructor argument '" + parameter.Key + "'", Formatting.Number(parameter.Value)));
            }

            binding.Bind(parameter.Key, Dim.Known(parameter.Value), Formatting.Number(parameter.Value) + " (constructor argument)");
        }

        var fixedRank = input.FixedRank;
        if (input.HasEllipsis ? actual.Rank < fixedRank : actual.Rank != fixedRank)
        {
            var expected = Formatting.Number(fixedRank + 1) + (input.HasEllipsis ? " or more" : string.Empty);
            return (null, ContractViolation.Of(ContractViolationKind.Rank, input.ToString(), actual.ToString(), expected, Formatting.Number(actual.Rank + 1)));
        }

        var ellipsis = input.EllipsisIndex;
        var matched = actual.Rank - fixedRank;
        for (var i = 0; i < input.Dims.Count; i++)
        {
            if (i == ellipsis)
            {
                for (var j = 0; j < matched; j++)
                {
                    binding.Ellipsis.Add(actual.Dims[i + j]);
                }

                continue;
            }

            var axis = ellipsis >= 0 && i > ellipsis ? i - 1 + matched : i;
            var dim = actual.Dims[axis];
            var violation = input.Dims[i] switch
            {
                DimLiteral literal => CheckLiteral(input, actual, axis, literal.Value, dim),
                DimName name => BindName(input, actual, binding, name.Name, axis, dim),
                _ => null,
            };
            if (violation is not null)
            {
                return (null, violation);
            }
        }

        return (binding, null);
    }

    private static ContractViolation? CheckLiteral(ShapeSignature input, Shape actual, int axis, long expected, Dim dim) =>
        dim.IsKnown && dim.Size != expected
            ? ContractViolation.Of(ContractViolationKind.Size, input.ToString(), actual.ToString(), Formatting.Number(axis + 1), Formatting.Number(expected), dim.ToString())
            : null;

    private static ContractViolation? BindName(ShapeSignature input, Shape actual, SignatureBinding binding, string name, int axis, Dim dim)
    {
        var source = dim + " (axis " + Formatting.Number(axis + 1) + ")";
        if (!binding.IsBound(name))
        {
            binding.Bind(name, dim, source);
            return null;
        }

        var bound = binding[name]!;
        return bound.IsKnown && dim.IsKnown && bound.Size != dim.Size
            ? ContractViolation.Of(ContractViolationKind.Conflict, input.ToString(), actual.ToString(), name, binding.Source(name), source)
            : null;
    }
}
