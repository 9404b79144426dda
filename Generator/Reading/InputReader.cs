using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>[Input(28, 28)]</c> / <c>[Input("time", 16)]</c> into a shape (STK0002, STK0009).</summary>
internal static class InputReader
{
    /// <summary>The declared input shape, or <see langword="null"/> when it is missing or invalid (reported).</summary>
    public static Shape? Read(INamedTypeSymbol type, SourceLocation classLocation, ReadContext context, CancellationToken cancellationToken)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.InputAttribute));
        if (attribute is null)
        {
            context.Report(DiagnosticDescriptors.MissingInput, classLocation, type.Name);
            return null;
        }

        return Read(attribute, classLocation, context, cancellationToken);
    }

    /// <summary>The shape an <c>[Input]</c> attribute declares, or <see langword="null"/> when it is invalid (reported).</summary>
    public static Shape? Read(AttributeData attribute, SourceLocation fallbackLocation, ReadContext context, CancellationToken cancellationToken)
    {
        var syntax = AttributeArguments.Syntax(attribute, cancellationToken);
        var attributeLocation = syntax is null ? fallbackLocation : SourceLocation.From(syntax);
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            context.CompilerErrors.Add("[Input] does not compile");
            return null;
        }

        var dimensions = attribute.ConstructorArguments[0];
        if (dimensions.IsNull)
        {
            context.Report(DiagnosticDescriptors.InvalidInputDimension, attributeLocation, "0", "null");
            return null;
        }

        var arguments = AttributeArguments.Positional(syntax);
        var dims = new List<Dim>();
        for (var i = 0; i < dimensions.Values.Length; i++)
        {
            var location = arguments.Count == dimensions.Values.Length ? SourceLocation.From(arguments[i]) : attributeLocation;
            if (ReadDim(dimensions.Values[i]) is { } dim)
            {
                dims.Add(dim);
            }
            else if (dimensions.Values[i] is { Kind: TypedConstantKind.Primitive, Value: 0 })
            {
                // Keras accepts keras.Input((0, 3)); StaticKeras keeps a documented deviation (docs/diagnostics/STK0014.md):
                // every sample would be empty, so losses become means over nothing (NaN) and convolutions and
                // recurrent layers fail at run time.
                context.Report(DiagnosticDescriptors.ZeroSizeInputDimension, location, Formatting.Number(i));
            }
            else
            {
                context.Report(DiagnosticDescriptors.InvalidInputDimension, location, Formatting.Number(i), Describe(dimensions.Values[i]));
            }
        }

        return dims.Count == dimensions.Values.Length ? new Shape(dims.ToEquatableArray()) : null;
    }

    private static Dim? ReadDim(TypedConstant value) => value.Value switch
    {
        int size when value.Kind == TypedConstantKind.Primitive && size > 0 => Dim.Known(size),
        // A name is written into comments and messages: a line break or other control character has no place in it.
        string name when value.Kind == TypedConstantKind.Primitive && !string.IsNullOrWhiteSpace(name) && !name.Any(char.IsControl) => Dim.Named(name),
        _ => null,
    };

    private static string Describe(TypedConstant value) => value.Value switch
    {
        null => "null",
        int size => Formatting.Number(size),
        string name => "\"" + string.Concat(name.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString())) + "\"",
        _ => Convert.ToString(value.Value, CultureInfo.InvariantCulture) + " (" + value.Type?.ToDisplayString() + ")",
    };
}
