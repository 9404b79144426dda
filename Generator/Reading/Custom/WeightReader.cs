using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>Reads one <c>[Weight]</c> property: its shape signature, its initializer, and that it is a bodiless partial Parameter (STK0054).</summary>
internal static class WeightReader
{
    /// <summary>The weight, or <see langword="null"/> when the property has no <c>[Weight]</c> or has errors (reported).</summary>
    public static WeightContract? Read(IPropertySymbol property, ContractReader.Reporter reporter, CancellationToken cancellationToken)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && KnownTypes.Is(c, CustomLayerTypes.WeightAttribute));
        if (attribute is null)
        {
            return null;
        }

        // Arguments that do not bind ([Weight(new(), ...)], a missing initializer): the compiler reports
        // the argument; the weight still needs an STK error, or its generated part would be left half-written.
        if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.ConstructorArguments[0].Value is not string)
        {
            var site = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax written
                ? SourceLocation.From(written) : SourceLocation.From(property.Locations[0]);
            var text = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } ? list.ToString() : "()";
            reporter.Report(DiagnosticDescriptors.MalformedSignature, site, "weight '" + property.Name + "'", text, property.ContainingType.Name,
                "expected a constant string and an Initializer, such as [Weight(\"d, units\", Initializer.GlorotUniform)]");
            return null;
        }

        var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        if (syntax is null || !IsBodilessPartialGetter(syntax, property))
        {
            var found = syntax is null ? property.ToDisplayString() : syntax.WithAttributeLists(default).ToString().Trim();
            reporter.Report(DiagnosticDescriptors.InvalidWeightProperty, SourceLocation.From(property.Locations[0]), property.Name, property.ContainingType.Name, found);
            return null;
        }

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var shapeText = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
        var argument = new SignatureArgument(shapeText, attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression);
        var shape = reporter.Parse("weight '" + property.Name + "'", argument, SignatureRules.CheckWeight);
        var initializer = attribute.ConstructorArguments[1];
        var initializerName = initializer.Type?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, initializer.Value))?.Name;
        if (shape is null || initializerName is null)
        {
            return null;
        }

        var weight = new WeightContract(property.Name, shape, initializerName);
        reporter.Weights.Add((weight, argument));
        return weight;
    }

    /// <summary>The accessibility modifiers the property was declared with, which its generated part repeats.</summary>
    public static string Modifiers(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } syntax
            ? string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text))
            : string.Empty;

    private static bool IsBodilessPartialGetter(PropertyDeclarationSyntax syntax, IPropertySymbol property) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && !property.IsStatic
        && KnownTypes.Is(property.Type, CustomLayerTypes.Parameter)
        && syntax.ExpressionBody is null
        && syntax.Initializer is null
        && syntax.AccessorList is { Accessors.Count: 1 } accessors
        && accessors.Accessors[0] is { Body: null, ExpressionBody: null } accessor
        && accessor.IsKind(SyntaxKind.GetAccessorDeclaration);
}
