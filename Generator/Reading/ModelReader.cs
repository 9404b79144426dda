using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The pipeline's first step: reads a <c>[Sequential]</c> class into a <see cref="ModelDeclaration"/>
/// of plain values. This is the only step that sees symbols and syntax.
/// </summary>
internal static class ModelReader
{
    /// <summary>The syntactic filter: only classes (and records, to report them) can be models.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    /// <summary>Reads the attributed class; never throws except on cancellation.</summary>
    public static ModelDeclaration Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        return GeneratorGuard.Run(
            () => Read(syntax, type, context.SemanticModel, cancellationToken),
            exception => ModelDeclaration.Failed(
                ReadIdentity(type, syntax),
                SourceLocation.From(syntax.Identifier),
                GeneratorGuard.Failure("reading", type.Name, SourceLocation.From(syntax.Identifier), exception)));
    }

    /// <summary>Reads <paramref name="type"/> from its <c>[Sequential]</c> part <paramref name="syntax"/>.</summary>
    internal static ModelDeclaration Read(TypeDeclarationSyntax syntax, INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var compilation = semanticModel.Compilation;
        var modelBase = compilation.GetTypeByMetadataName(KnownTypes.Model);
        var layerBase = compilation.GetTypeByMetadataName(KnownTypes.Layer);
        var location = SourceLocation.From(syntax.Identifier);
        var context = new ReadContext();

        var canGenerate = DeclarationChecks.CanGenerate(type, syntax, modelBase, context);
        var input = InputReader.Read(type, location, context, cancellationToken);
        var compile = CompileReader.Read(type, location, context, cancellationToken);
        // A static class (already reported) has only static members: reading them as layers would
        // only repeat that error.
        var layers = layerBase is null || type.IsStatic ? [] : LayerReader.Read(syntax, type, semanticModel, layerBase, context, cancellationToken);
        if (layers.Count == 0 && layerBase is not null && !type.IsStatic)
        {
            context.Report(DiagnosticDescriptors.NoLayers, location, type.Name);
        }

        var generateConstructor = CheckNoConstructors(type, context);
        var overrideModifiers = OverrideModifiers(modelBase, compilation);

        return new ModelDeclaration(
            ReadIdentity(type, syntax),
            location,
            canGenerate,
            generateConstructor,
            overrideModifiers,
            input,
            layers.ToEquatableArray(),
            compile,
            context.Diagnostics.ToEquatableArray(),
            context.CompilerErrors.ToEquatableArray());
    }

    /// <summary>
    /// The overrides repeat the runtime's accessibility. Overriding a protected internal member of
    /// another assembly must say <c>protected</c>, unless that assembly shows its internals to this one.
    /// </summary>
    internal static string OverrideModifiers(INamedTypeSymbol? modelBase, Compilation compilation)
    {
        var info = modelBase?.GetMembers("Info").FirstOrDefault();
        return info?.DeclaredAccessibility == Accessibility.ProtectedOrInternal
            && modelBase!.ContainingAssembly.GivesAccessTo(compilation.Assembly)
            ? "protected internal"
            : "protected";
    }

    /// <summary>Reports STK0013 for each constructor the user declared; returns whether the constructor can be generated.</summary>
    internal static bool CheckNoConstructors(INamedTypeSymbol type, ReadContext context)
    {
        var declared = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
        foreach (var constructor in declared)
        {
            var signature = type.Name + "(" + string.Join(", ", constructor.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")";
            context.Report(DiagnosticDescriptors.ExplicitConstructor, SourceLocation.From(constructor.Locations[0]), type.Name, signature);
        }

        return declared.Count == 0;
    }

    internal static TypeIdentity ReadIdentity(INamedTypeSymbol type, TypeDeclarationSyntax syntax)
    {
        var @namespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
        var containing = syntax.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
        return new TypeIdentity(
            @namespace,
            containing.Select(Header).ToEquatableArray(),
            type.Name,
            containing.Select(c => c.Identifier.ValueText).ToEquatableArray());
    }

    // `partial class Outer`, `partial record struct Outer`: how the generated file reopens a containing type.
    private static string Header(TypeDeclarationSyntax declaration)
    {
        var keyword = declaration is RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.None } record
            ? "record " + record.ClassOrStructKeyword.Text
            : declaration.Keyword.Text;
        return "partial " + keyword + " " + declaration.Identifier.Text;
    }
}
