using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model.Graph;

namespace StaticKeras.Generator.Reading.Graph;

/// <summary>
/// The functional pipeline's first step: reads a <c>[Model]</c> class (its layer members, its
/// <c>[Compile]</c> and its <c>[Graph]</c> method) into a <see cref="GraphModelDeclaration"/> of plain values.
/// </summary>
internal static class GraphModelReader
{
    /// <summary>Reads the attributed class; never throws except on cancellation.</summary>
    public static GraphModelDeclaration Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        return GeneratorGuard.Run(
            () => Read(syntax, type, context.SemanticModel, cancellationToken),
            exception => GraphModelDeclaration.Failed(
                ModelReader.ReadIdentity(type, syntax),
                SourceLocation.From(syntax.Identifier),
                GeneratorGuard.Failure("reading", type.Name, SourceLocation.From(syntax.Identifier), exception)));
    }

    /// <summary>Reads <paramref name="type"/> from its <c>[Model]</c> part <paramref name="syntax"/>.</summary>
    internal static GraphModelDeclaration Read(TypeDeclarationSyntax syntax, INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var compilation = semanticModel.Compilation;
        var modelBase = compilation.GetTypeByMetadataName(KnownTypes.Model);
        var layerBase = compilation.GetTypeByMetadataName(KnownTypes.Layer);
        var location = SourceLocation.From(syntax.Identifier);
        var context = new ReadContext();

        var canGenerate = DeclarationChecks.CanGenerate(type, syntax, modelBase, context);
        var compile = CompileReader.Read(type, location, context, cancellationToken, perOutput: true);
        var outputs = OutputCompileReader.Read(type, location, context, cancellationToken);
        var readable = layerBase is not null && !type.IsStatic;
        var layers = readable ? LayerReader.Read(
            syntax, type, semanticModel, layerBase!, context, cancellationToken, compilation.GetTypeByMetadataName(KnownTypes.MergeLayer), modelBase) : [];
        var graph = readable ? GraphMethodReader.Read(type, location, compilation, layers, context, cancellationToken) : null;
        var generateConstructor = ModelReader.CheckNoConstructors(type, context);

        return new GraphModelDeclaration(
            ModelReader.ReadIdentity(type, syntax),
            location,
            canGenerate,
            generateConstructor,
            ModelReader.OverrideModifiers(modelBase, compilation),
            layers.ToEquatableArray(),
            compile,
            outputs,
            graph,
            context.Diagnostics.ToEquatableArray(),
            context.CompilerErrors.ToEquatableArray());
    }
}
