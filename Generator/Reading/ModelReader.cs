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
/// The pipeline's first step: reads a <c>[Sequential]</c> or <c>[Model]</c> class into a
/// <see cref="ModelDeclaration"/> of plain values, its layers called by a graph (the chain of a
/// Sequential model, the <c>[Graph]</c> method of a functional one). This is the only step that
/// sees symbols and syntax.
/// </summary>
internal static class ModelReader
{
    /// <summary>The syntactic filter: only classes (and records, to report them) can be models.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    /// <summary>Reads a <c>[Sequential]</c> class; never throws except on cancellation.</summary>
    public static ModelDeclaration ReadSequential(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Read(context, ModelKind.Sequential, cancellationToken);

    /// <summary>Reads a <c>[Model]</c> class; never throws except on cancellation.</summary>
    public static ModelDeclaration ReadFunctional(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Read(context, ModelKind.Functional, cancellationToken);

    private static ModelDeclaration Read(GeneratorAttributeSyntaxContext context, ModelKind kind, CancellationToken cancellationToken)
    {
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        return GeneratorGuard.Run(
            () => Read(syntax, type, SemanticModels.For(context.SemanticModel.Compilation, syntax.SyntaxTree), kind, cancellationToken),
            exception => ModelDeclaration.Failed(
                ReadIdentity(type, syntax),
                SourceLocation.From(syntax.Identifier),
                kind,
                GeneratorGuard.Failure("reading", type.Name, SourceLocation.From(syntax.Identifier), exception)));
    }

    /// <summary>Reads <paramref name="type"/> from its part <paramref name="syntax"/> that carries the <paramref name="kind"/> attribute.</summary>
    internal static ModelDeclaration Read(TypeDeclarationSyntax syntax, INamedTypeSymbol type, SemanticModel semanticModel, ModelKind kind, CancellationToken cancellationToken)
    {
        var compilation = semanticModel.Compilation;
        var modelBase = RuntimeSymbols.Of(compilation).Model;
        var layerBase = RuntimeSymbols.Of(compilation).Layer;
        var location = SourceLocation.From(syntax.Identifier);
        var context = new ReadContext();
        var functional = kind == ModelKind.Functional;

        var canGenerate = DeclarationChecks.CanGenerate(type, syntax, modelBase, context);
        var input = functional ? null : InputReader.Read(type, location, context, cancellationToken);
        var compile = CompileReader.Read(type, location, context, cancellationToken, perOutput: functional);
        var outputs = functional ? OutputCompileReader.Read(type, location, context, cancellationToken) : EquatableArray<OutputCompileDeclaration>.Empty;
        var optimizerOptions = OptimizerOptionsReader.Read(type, location, context, cancellationToken);
        // A static class (already reported) has only static members: reading them as layers would
        // only repeat that error. Merge layers and models used as layers are members of graphs only.
        var readable = layerBase is not null && !type.IsStatic;
        var layers = !readable ? []
            : functional ? LayerReader.Read(syntax, type, semanticModel, layerBase!, context, cancellationToken, RuntimeSymbols.Of(compilation).MergeLayer, modelBase)
            : LayerReader.Read(syntax, type, semanticModel, layerBase!, context, cancellationToken);
        if (!functional && readable && layers.Count == 0)
        {
            context.Report(DiagnosticDescriptors.NoLayers, location, type.Name);
        }

        var graph = !readable ? null
            : functional ? GraphMethodReader.Read(type, location, semanticModel, layers, context, cancellationToken)
            : input is null || layers.Count == 0 ? null
            : GraphDeclaration.Chain(input, location, layers);
        var generateConstructor = CheckNoConstructors(type, context);
        if (OnnxExportChecks.IsRequested(type))
        {
            OnnxExportChecks.Check(type.Name, layers, context);
        }

        return new ModelDeclaration(
            ReadIdentity(type, syntax),
            location,
            kind,
            canGenerate,
            generateConstructor,
            OverrideModifiers(modelBase, compilation),
            layers.ToEquatableArray(),
            compile,
            outputs,
            graph,
            context.Diagnostics.ToEquatableArray(),
            context.CompilerErrors.ToEquatableArray())
        {
            AutogradBackward = CompileReader.ReadsAutogradBackward(type),
            OptimizerOptions = optimizerOptions,
        };
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
