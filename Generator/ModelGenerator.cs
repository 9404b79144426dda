using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Reading;

namespace StaticKeras.Generator;

/// <summary>
/// Generates the constructor, forward pass, training step and summary of every <c>[Sequential]</c>
/// model: read the declaration, infer shapes, emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.SequentialAttribute, ModelReader.IsCandidate, ModelReader.Read)
            .WithTrackingName(TrackingNames.Declarations);

        var models = declarations
            .Select(ShapeInference.Infer)
            .WithTrackingName(TrackingNames.Shapes);

        var sources = models
            .Select(ModelEmitter.Emit)
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, ModelEmitter.AddSource);
    }
}
