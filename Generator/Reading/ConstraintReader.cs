using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Checks a layer's Keras constraint arguments (<c>kernelConstraint: Constraint.MaxNorm(3)</c>): a call of
/// <c>Constraint.MaxNorm</c>, <c>NonNeg</c>, <c>UnitNorm</c> or <c>MinMaxNorm</c> with constant arguments, or
/// <c>null</c>. Anything else is STK0004 at the argument; a NaN or infinite value is STK0010. Constraints change
/// no shape and no generated line: the runtime applies them after every optimizer step (Model.ApplyConstraints).
/// </summary>
internal static class ConstraintReader
{
    private const string ConstraintType = "StaticKeras.Layers.Constraint";

    /// <summary>Whether <paramref name="parameter"/> takes a <c>Constraint</c>.</summary>
    public static bool IsConstraint(IParameterSymbol? parameter) =>
        parameter?.Type is { } type && KnownTypes.Is(type.OriginalDefinition, ConstraintType);

    /// <summary><paramref name="layer"/> unchanged when its constraints are well formed; an <see cref="UnresolvedDeclaration"/> when one is not (reported).</summary>
    public static LayerDeclaration Apply(LayerCreation creation, LayerDeclaration layer, ReadContext context)
    {
        var valid = true;
        foreach (var argument in creation.Arguments.Where(a => IsConstraint(a.Parameter) && !a.IsDefault))
        {
            if (argument.Operation is null)
            {
                continue;   // read from syntax: a null literal, the only constraint syntax reads
            }

            var value = argument.Operation.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: null })
            {
                continue;
            }

            var parameter = argument.Parameter!.Name;
            if (value is not IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                || !KnownTypes.Is(method.ContainingType, ConstraintType)
                || method.Name is not ("MaxNorm" or "NonNeg" or "UnitNorm" or "MinMaxNorm")
                || invocation.Arguments.Any(a => !ConstantValues.TryRead(a.Value, out _)))
            {
                context.Report(DiagnosticDescriptors.NonConstantArgument, SourceLocation.From(argument.Syntax), parameter, layer.TypeName, layer.Name,
                    argument.Operation.Value.Syntax.ToString());
                valid = false;
                continue;
            }

            foreach (var factor in invocation.Arguments)
            {
                ConstantValues.TryRead(factor.Value, out var constant);
                if (constant is double number && (double.IsNaN(number) || double.IsInfinity(number)))
                {
                    context.Report(DiagnosticDescriptors.InvalidLayerArgument, SourceLocation.From(argument.Syntax), layer.TypeName, layer.Name, parameter,
                        $"a constraint with finite values ({factor.Parameter?.Name})", Formatting.Double(number));
                    valid = false;
                }
            }

            valid &= AxesFit(argument, invocation, method.Name, parameter, layer, context);
        }

        return valid ? layer : new UnresolvedDeclaration(layer.Name, layer.Identifier, layer.Location, layer.TypeName);
    }

    // A norm constraint's axes must be distinct axes of its weight (Keras' default axis 0; negative from the end):
    // Keras only fails when the optimizer first applies the constraint (numpy: "axis 2 is out of bounds for array of
    // dimension 2", "duplicate value in 'axis'"), so it is STK0010 at the argument here. The weight's rank is fixed by
    // the layer's arguments, whatever the input.
    private static bool AxesFit(LayerArgument argument, IInvocationOperation invocation, string kind, string parameter, LayerDeclaration layer, ReadContext context)
    {
        if (kind == "NonNeg" || WeightRank(layer, WeightOf(parameter, layer.TypeName)) is not { } rank)
        {
            return true;
        }

        var given = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "axis");
        object? value = null;
        if (given is not null)
        {
            ConstantValues.TryRead(given.Value, out value);
        }

        var axes = value is int[] { Length: > 0 } list ? list : [0];
        var resolved = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (resolved.All(a => a >= 0 && a < rank) && resolved.Distinct().Count() == resolved.Length)
        {
            return true;
        }

        var weight = WeightOf(parameter, layer.TypeName);
        context.Report(DiagnosticDescriptors.InvalidLayerArgument, SourceLocation.From(argument.Syntax), layer.TypeName, layer.Name, parameter,
            $"a constraint whose axis names distinct axes of {weight}, which has rank {rank} (from {-rank} to {rank - 1}; Keras fails when the optimizer applies it)",
            $"{kind} axis [{string.Join(", ", axes)}]");
        return false;
    }

    // kernelConstraint -> kernel, recurrentConstraint -> recurrent_kernel, embeddingsConstraint -> embeddings;
    // DepthwiseConv2D's depthwiseConstraint -> kernel, SeparableConv2D's -> depthwise_kernel (Keras' weight names).
    private static string WeightOf(string parameter, string layerType) => parameter switch
    {
        "recurrentConstraint" => "recurrent_kernel",
        "depthwiseConstraint" => layerType == "DepthwiseConv2D" ? "kernel" : "depthwise_kernel",
        "pointwiseConstraint" => "pointwise_kernel",
        _ => parameter.Substring(0, parameter.Length - "Constraint".Length),
    };

    // The rank of the weight a constraint applies to, as the layer's shape rule makes it (it does not depend on the
    // input); null for a weight this reader does not know, which the runtime checks when it creates the weight.
    private static int? WeightRank(LayerDeclaration layer, string weight) => (layer, weight) switch
    {
        (RecurrentDeclaration { Kind: Shapes.RecurrentKind.GRU, ResetAfter: true }, "bias") => 2,
        (_, "bias") => 1,
        (DenseDeclaration, "kernel") => 2,
        (ConvDeclaration conv, "kernel") => conv.Kernel.Count + 2,
        (DepthwiseConvDeclaration, "kernel" or "depthwise_kernel" or "pointwise_kernel") => 4,
        (RecurrentDeclaration, "kernel" or "recurrent_kernel") => 2,
        (EmbeddingDeclaration, "embeddings") => 2,
        _ => null,
    };
}
