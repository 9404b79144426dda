using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads a <c>new Encoder()</c> of a <c>[Sequential]</c> or <c>[Model]</c> class used as a layer: reads
/// and infers that model's own declaration for its input and output shapes and parameter counts.
/// The inner model's problems are reported on the inner model; here it is only unresolved.
/// </summary>
internal static class NestedModelReader
{
    // The models being read on this thread, so a model that contains itself stops instead of recursing.
    [ThreadStatic]
    private static HashSet<string>? t_reading;

    /// <summary>
    /// The declaration; an <see cref="UnresolvedDeclaration"/> when the inner model has errors or
    /// contains the outer one; <see langword="null"/> when the created type is not a generated model.
    /// </summary>
    public static LayerDeclaration? Read(IObjectCreationOperation creation, string name, string identifier, SourceLocation location, ReadContext context)
    {
        if (creation.Type is not INamedTypeSymbol type || creation.SemanticModel is not { } semanticModel)
        {
            return null;
        }

        var sequential = Part(type, KnownTypes.SequentialAttribute);
        var functional = Part(type, KnownTypes.ModelAttribute);
        if (sequential is null && functional is null)
        {
            return null;
        }

        var reading = t_reading ??= new HashSet<string>(StringComparer.Ordinal);
        var key = KnownTypes.FullName(type);
        if (!reading.Add(key))
        {
            context.CompilerErrors.Add($"layer '{name}' is model {type.Name}, which contains itself");
            return new UnresolvedDeclaration(name, identifier, location, type.Name);
        }

        try
        {
            var compilation = semanticModel.Compilation;
            var (part, kind) = sequential is not null ? (sequential, ModelKind.Sequential) : (functional!, ModelKind.Functional);
            var summary = Summarize(ModelReader.Read(part, type, SemanticModels.For(compilation, part.SyntaxTree), kind, CancellationToken.None));
            if (summary is not { } s)
            {
                context.CompilerErrors.Add($"layer '{name}' is model {type.Name}, which has errors");
                return new UnresolvedDeclaration(name, identifier, location, type.Name);
            }

            return new NestedModelDeclaration(name, identifier, location, type.Name, s.Input, s.Output, s.Trainable, s.NonTrainable, s.Activation, s.OnnxProblem);
        }
        finally
        {
            reading.Remove(key);
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is the invalid call of <c>Call</c> on a member whose type
    /// is a generated model: the generator sees the compilation without its own output, so a model
    /// used as a layer has no <c>Call</c> yet. Such a call compiles once the model is generated.
    /// </summary>
    public static bool IsGeneratedCall(IOperation operation)
    {
        var access = operation.Syntax switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax a } => a,
            MemberAccessExpressionSyntax a => a,
            _ => null,
        };
        return access is { Name.Identifier.ValueText: "Call" }
            && operation.SemanticModel?.GetTypeInfo(access.Expression).Type is INamedTypeSymbol type
            && IsGeneratedModel(type);
    }

    /// <summary>Whether <paramref name="type"/> is a <c>[Sequential]</c> or <c>[Model]</c> class.</summary>
    public static bool IsGeneratedModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && (Part(named, KnownTypes.SequentialAttribute) ?? Part(named, KnownTypes.ModelAttribute)) is not null;

    // The part of the class that carries the attribute called `metadataName`.
    private static TypeDeclarationSyntax? Part(INamedTypeSymbol type, string metadataName) =>
        type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, metadataName))?.ApplicationSyntaxReference?.GetSyntax()
            .Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();

    private static Summary? Summarize(ModelDeclaration declaration)
    {
        var model = ShapeInference.Infer(declaration, CancellationToken.None);
        if (!model.IsComplete)
        {
            return null;
        }

        var weights = model.LiveLayers().SelectMany(l => l.FirstCall.Weights).ToList();
        var trainable = weights.Where(w => w.Trainable).Sum(w => w.Count);
        var output = model.Graph.Outputs[0].Value;
        var onnxProblem = model.LiveLayers().Select(l => (l.Layer, Reason: OnnxExportChecks.Reason(l.Layer)))
            .Where(l => l.Reason is not null)
            .Select(l => $"layer '{l.Layer.Name}' ({l.Layer.TypeName}): {l.Reason}")
            .FirstOrDefault();
        return new Summary(model.Graph.Inputs[0].Shape, model.ShapeOf(output), trainable, weights.Sum(w => w.Count) - trainable,
            model.LayerOf(output - model.Graph.Inputs.Count).OutputActivation, onnxProblem);
    }

    private readonly record struct Summary(Shapes.Shape Input, Shapes.Shape Output, long Trainable, long NonTrainable, ActivationKind Activation, string? OnnxProblem);
}
