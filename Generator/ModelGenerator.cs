using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Custom;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Reading;
using StaticKeras.Generator.Reading.Custom;

namespace StaticKeras.Generator;

/// <summary>
/// Generates the constructor, forward pass, training step and summary of every <c>[Sequential]</c>
/// and <c>[Model]</c> (functional) model: read the declaration into a graph, infer shapes, emit.
/// A Sequential model is read as the chain graph Keras builds for it; from then on both kinds go
/// through the same steps.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sequential = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.SequentialAttribute, ModelReader.IsCandidate, ModelReader.ReadSequential)
            .WithTrackingName(TrackingNames.Declarations);

        var functional = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.ModelAttribute, ModelReader.IsCandidate, ModelReader.ReadFunctional)
            .WithTrackingName(TrackingNames.Declarations);

        Generate(context, sequential);
        Generate(context, functional);

        // Custom layers: read the [Layer] class, emit its Build, checked Call and weights.
        var customLayers = context.SyntaxProvider
            .ForAttributeWithMetadataName(CustomLayerTypes.LayerAttribute, CustomLayerReader.IsCandidate, CustomLayerReader.Read)
            .WithTrackingName(TrackingNames.CustomLayers);

        var customLayerSources = customLayers
            .Select(CustomLayerEmitter.Emit)
            .WithTrackingName(TrackingNames.CustomLayerSources);

        context.RegisterSourceOutput(customLayerSources, ModelEmitter.AddSource);
    }

    // Infer the shapes of every node of the graph, then write the model's part.
    private static void Generate(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ModelDeclaration> declarations)
    {
        var models = declarations
            .Select(ShapeInference.Infer)
            .WithTrackingName(TrackingNames.Shapes);

        var sources = models
            .Select(ModelEmitter.Emit)
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, ModelEmitter.AddSource);
    }
}
