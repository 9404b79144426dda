using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Custom;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Reading;
using StaticKeras.Generator.Reading.Custom;

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

        // Custom layers: read the [Layer] class, emit its Build, checked Call and weights.
        var customLayers = context.SyntaxProvider
            .ForAttributeWithMetadataName(CustomLayerTypes.LayerAttribute, CustomLayerReader.IsCandidate, CustomLayerReader.Read)
            .WithTrackingName(TrackingNames.CustomLayers);

        var customLayerSources = customLayers
            .Select(CustomLayerEmitter.Emit)
            .WithTrackingName(TrackingNames.CustomLayerSources);

        context.RegisterSourceOutput(customLayerSources, ModelEmitter.AddSource);
    }
}
