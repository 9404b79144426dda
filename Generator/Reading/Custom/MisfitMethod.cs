using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>
/// A custom layer's optional method (its hand-written <c>Backward</c>, its <c>ExportOnnx</c>) declared with
/// another signature would be silently ignored: it is reported instead, on the first such method, with its
/// signature as written.
/// </summary>
internal static class MisfitMethod
{
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeAccessibility)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName);

    /// <summary>
    /// Reports <paramref name="descriptor"/> (arguments: the class's name, the method's signature) when
    /// <paramref name="type"/> declares methods named <paramref name="name"/> and none <paramref name="fits"/>.
    /// </summary>
    public static void Report(INamedTypeSymbol type, string name, Func<IMethodSymbol, bool> fits, DiagnosticDescriptor descriptor, ReadContext context)
    {
        var methods = type.GetMembers(name).OfType<IMethodSymbol>().Where(m => !m.IsImplicitlyDeclared).ToList();
        if (methods.Count == 0 || methods.Any(fits))
        {
            return;
        }

        context.Report(descriptor, SourceLocation.From(methods[0].Locations[0]), type.Name, methods[0].ToDisplayString(Signature));
    }
}
