using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// A custom <c>[Layer]</c>: its declared contract is its shape rule. The input binds the names,
/// the output and each weight are computed from them; weights need every size known.
/// </summary>
internal static class CustomLayerRule
{
    /// <summary>The output shape and weights of a custom layer with <paramref name="contract"/> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, LayerContract contract, EquatableArray<ConstructorValue> arguments)
    {
        var parameters = arguments.ToDictionary(a => a.Name, a => a.Value);
        var (binding, violation) = SignatureBinder.Bind(contract.Input, input, parameters);
        if (binding is null)
        {
            return Fail(input, violation!);
        }

        var output = new List<Dim>();
        foreach (var expression in contract.Output.Dims)
        {
            if (expression is DimEllipsis)
            {
                output.AddRange(binding.Ellipsis);
                continue;
            }

            var (dim, invalid) = SignatureEvaluator.Evaluate(expression, binding);
            if (dim is null)
            {
                return Fail(input, ContractViolation.Of(ContractViolationKind.InvalidSize, "output dimension '" + expression + "'", invalid!));
            }

            output.Add(dim);
        }

        var weights = new List<WeightSpec>();
        foreach (var weight in contract.Weights)
        {
            var sizes = new List<long>();
            foreach (var expression in weight.Shape.Dims)
            {
                var (dim, invalid) = SignatureEvaluator.Evaluate(expression, binding);
                if (dim is null)
                {
                    return Fail(input, ContractViolation.Of(ContractViolationKind.InvalidSize, "weight '" + weight.Name + "' dimension '" + expression + "'", invalid!));
                }

                if (!dim.IsKnown)
                {
                    var culprit = SignatureRules.Names(new ShapeSignature(string.Empty, EquatableArray.Of(expression)))
                        .First(n => binding[n.Name] is not { IsKnown: true });
                    return Fail(input, ContractViolation.Of(
                        ContractViolationKind.UnknownSize, weight.Name, weight.Shape.ToTupleString(), culprit.Name, binding[culprit.Name]!.ToString(), input.ToString()));
                }

                sizes.Add(dim.Size);
            }

            weights.Add(WeightSpec.Of(weight.Name, [.. sizes]));
        }

        return ShapeResult.Ok(new Shape(output.ToEquatableArray()), [.. weights]);
    }

    private static ShapeResult Fail(Shape input, ContractViolation violation) =>
        ShapeResult.Fail(new ShapeError(ShapeErrorKind.ContractViolated, input, Contract: violation));
}
