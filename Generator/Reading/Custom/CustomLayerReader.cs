using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>
/// The custom-layer pipeline's first step: reads a <c>[Layer]</c> class into a
/// <see cref="CustomLayerClass"/> (STK0052, STK0053, and the contract's diagnostics).
/// </summary>
internal static class CustomLayerReader
{
    /// <summary>The syntactic filter: only classes (and records, to report them) can be layers.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    /// <summary>Reads the attributed class; never throws except on cancellation.</summary>
    public static CustomLayerClass Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = SourceLocation.From(syntax.Identifier);
        return GeneratorGuard.Run(
            () => Read(syntax, type, context.SemanticModel.Compilation, cancellationToken),
            exception => new CustomLayerClass(
                ModelReader.ReadIdentity(type, syntax), location, false, null, EquatableArray<WeightMember>.Empty, EquatableArray<string>.Empty,
                EquatableArray.Of(GeneratorGuard.Failure("reading", type.Name, location, exception))));
    }

    private static CustomLayerClass Read(TypeDeclarationSyntax syntax, INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var location = SourceLocation.From(syntax.Identifier);
        var context = new ReadContext();
        var customLayer = RuntimeSymbols.Of(compilation).CustomLayer;
        var problem = ClassProblem(syntax, type, customLayer);
        if (customLayer is null)
        {
            context.Report(DiagnosticDescriptors.RuntimeNotReferenced, location, type.Name);
        }
        else if (problem is not null)
        {
            context.Report(DiagnosticDescriptors.InvalidCustomLayerClass, location, type.Name, problem);
        }

        var namesOk = MemberNameChecks.Check(type, syntax, isModel: false, context);

        var contract = ContractReader.Read(type, context, cancellationToken);
        CheckCall(type, location, context);
        CheckBackward(type, context);
        OnnxFormReader.Check(type, context);
        var weights = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.GetAttributes().Any(a => a.AttributeClass is { } c && KnownTypes.Is(c, CustomLayerTypes.WeightAttribute)))
            .Where(p => p.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>().Any(s => s.Modifiers.Any(SyntaxKind.PartialKeyword)))
            .Select(p => new WeightMember(p.Name, WeightReader.Modifiers(p)));

        return new CustomLayerClass(
            ModelReader.ReadIdentity(type, syntax),
            location,
            customLayer is not null && problem is null && namesOk,
            context.Diagnostics.Count == 0 ? contract : null,
            weights.ToEquatableArray(),
            ContractReader.PrimaryParameters(type).Keys.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray(),
            HasBackward(type),
            OnnxFormReader.Has(type));
    }

    // What keeps the generator from adding `partial class X : CustomLayer`, as the message's "found".
    private static string? ClassProblem(TypeDeclarationSyntax syntax, INamedTypeSymbol type, INamedTypeSymbol? customLayer)
    {
        if (syntax is RecordDeclarationSyntax)
        {
            return "a record";
        }

        if (type.IsStatic)
        {
            return "a static class";
        }

        var notPartial = syntax.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (notPartial is not null)
        {
            return "'" + (notPartial.Modifiers.ToString() + " " + notPartial.Keyword.Text + " " + notPartial.Identifier.Text).Trim() + "' without 'partial'";
        }

        var generic = syntax.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.TypeParameterList is not null);
        if (generic is not null)
        {
            return "type parameters in '" + generic.Identifier.Text + generic.TypeParameterList + "'";
        }

        var baseType = type.BaseType;
        return baseType is null || baseType.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(baseType, customLayer)
            ? null
            : "base class '" + baseType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'";
    }

    // Tensor Backward(Tensor inputs, Tensor gradOutput): the input gradient, weight gradients through AddGradient.
    private static bool HasBackward(INamedTypeSymbol type) =>
        type.GetMembers("Backward").OfType<IMethodSymbol>().Any(IsBackward);

    private static bool IsBackward(IMethodSymbol method) =>
        !method.IsStatic && method.Parameters.Length == 2 && method.Parameters.All(p => CustomLayerTypes.IsTensor(p.Type)) && CustomLayerTypes.IsTensor(method.ReturnType);

    // A Backward that is not the hand-written backward would silently be ignored (STK0056).
    private static void CheckBackward(INamedTypeSymbol type, ReadContext context) =>
        MisfitMethod.Report(type, "Backward", IsBackward, DiagnosticDescriptors.InvalidLayerBackward, context);

    private static void CheckCall(INamedTypeSymbol type, SourceLocation location, ReadContext context)
    {
        var calls = type.GetMembers("Call").OfType<IMethodSymbol>().Where(m => !m.IsImplicitlyDeclared).ToList();
        if (calls.Any(m => !m.IsStatic && m.Parameters.Length == 1 && CustomLayerTypes.IsTensor(m.Parameters[0].Type) && CustomLayerTypes.IsTensor(m.ReturnType)))
        {
            return;
        }

        var found = calls.Count == 0
            ? "none"
            : string.Join(", ", calls.Select(m => "'" + m.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMemberOptions(
                SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers)) + "'"));
        context.Report(DiagnosticDescriptors.MissingLayerCall, calls.Count == 0 ? location : SourceLocation.From(calls[0].Locations[0]), type.Name, found);
    }
}
