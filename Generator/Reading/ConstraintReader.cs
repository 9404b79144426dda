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
        }

        return valid ? layer : new UnresolvedDeclaration(layer.Name, layer.Identifier, layer.Location, layer.TypeName);
    }
}
