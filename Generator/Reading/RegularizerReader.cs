using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads a layer's Keras regularizer arguments (<c>kernelRegularizer: Regularizer.L2(0.01)</c>): a call
/// of <c>Regularizer.L1</c>, <c>L2</c> or <c>L1L2</c> with constant factors, or <c>null</c>. Anything
/// else is STK0004; a negative or non-finite factor is STK0010, as Keras' <c>validate_float_arg</c>
/// raises "expected a non-negative float".
/// </summary>
internal static class RegularizerReader
{
    private const string RegularizerType = "StaticKeras.Layers.Regularizer";

    /// <summary>Whether <paramref name="parameter"/> takes a regularizer.</summary>
    public static bool IsRegularizer(IParameterSymbol? parameter) =>
        parameter?.Type is { } type && KnownTypes.Is(type.OriginalDefinition, RegularizerType);

    /// <summary>
    /// <paramref name="layer"/> with the regularizers <paramref name="creation"/> passes; an
    /// <see cref="UnresolvedDeclaration"/> when one is wrong (reported).
    /// </summary>
    public static LayerDeclaration Apply(LayerCreation creation, LayerDeclaration layer, ReadContext context)
    {
        var weights = new List<string>();
        string? activity = null;
        var valid = true;
        foreach (var argument in creation.Arguments.Where(a => IsRegularizer(a.Parameter) && !a.IsDefault))
        {
            var parameter = argument.Parameter!.Name;
            if (argument.Operation is null)
            {
                continue;   // read from syntax: a null literal, the only regularizer syntax reads
            }

            var value = Unwrap(argument.Operation.Value);
            if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || value.ConstantValue is { HasValue: true, Value: null })
            {
                continue;
            }

            if (Read(value) is not { } regularizer)
            {
                context.Report(DiagnosticDescriptors.NonConstantArgument, SourceLocation.From(argument.Syntax), parameter, layer.TypeName, layer.Name,
                    argument.Operation.Value.Syntax.ToString());
                valid = false;
                continue;
            }

            if (regularizer.Factors.FirstOrDefault(f => !(f.Value >= 0 && !double.IsInfinity(f.Value))) is { Name: not null } bad)
            {
                context.Report(DiagnosticDescriptors.InvalidLayerArgument, SourceLocation.From(argument.Syntax), layer.TypeName, layer.Name, parameter,
                    $"a regularizer with non-negative finite factors ({bad.Name})", Formatting.Double(bad.Value));
                valid = false;
                continue;
            }

            if (parameter == "activityRegularizer")
            {
                activity = regularizer.Text;
            }
            else
            {
                weights.Add(WeightOf(parameter, layer.TypeName) + " " + regularizer.Text);
            }
        }

        if (!valid)
        {
            return new UnresolvedDeclaration(layer.Name, layer.Identifier, layer.Location, layer.TypeName);
        }

        return weights.Count == 0 && activity is null ? layer : layer with { Regularization = new RegularizationDeclaration(weights.ToEquatableArray(), activity) };
    }

    // kernelRegularizer -> kernel, recurrentRegularizer -> recurrent_kernel, embeddingsRegularizer -> embeddings;
    // DepthwiseConv2D's depthwiseRegularizer -> kernel, SeparableConv2D's -> depthwise_kernel (Keras' weight names).
    private static string WeightOf(string parameter, string layerType) => parameter switch
    {
        "recurrentRegularizer" => "recurrent_kernel",
        "depthwiseRegularizer" => layerType == "DepthwiseConv2D" ? "kernel" : "depthwise_kernel",
        "pointwiseRegularizer" => "pointwise_kernel",
        _ => parameter.Substring(0, parameter.Length - "Regularizer".Length),
    };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static Parsed? Read(IOperation value)
    {
        if (value is not IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
            || !KnownTypes.Is(method.ContainingType, RegularizerType)
            || method.Name is not ("L1" or "L2" or "L1L2"))
        {
            return null;
        }

        var factors = new List<(string Name, double Value)>();
        foreach (var argument in invocation.Arguments)
        {
            if (!ConstantValues.TryRead(argument.Value, out var constant) || constant is null)
            {
                return null;
            }

            factors.Add((argument.Parameter?.Name ?? "?", System.Convert.ToDouble(constant, CultureInfo.InvariantCulture)));
        }

        var text = method.Name + "(" + string.Join(", ", factors.Select(f => Formatting.Double(f.Value))) + ")";
        return new Parsed(text, factors);
    }

    private sealed record Parsed(string Text, List<(string Name, double Value)> Factors);
}
