using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Custom;
using StaticKeras.Generator.Emit.Graph;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Inference.Graph;
using StaticKeras.Generator.Reading;
using StaticKeras.Generator.Reading.Custom;
using StaticKeras.Generator.Reading.Graph;

namespace StaticKeras.Generator;

/// <summary>
/// Generates the constructor, forward pass, training step and summary of every <c>[Sequential]</c>
/// and <c>[Model]</c> (functional) model: read the declaration, infer shapes, emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The project's StaticKerasHelpLinkBase (or the default), for the diagnostics' help links.
        var helpLinkBase = context.AnalyzerConfigOptionsProvider
            .Select(HelpLinks.FromOptions)
            .WithTrackingName(TrackingNames.HelpLinkBase);

        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.SequentialAttribute, ModelReader.IsCandidate, ModelReader.Read)
            .WithTrackingName(TrackingNames.Declarations);

        var models = declarations
            .Select(ShapeInference.Infer)
            .WithTrackingName(TrackingNames.Shapes);

        var sources = models
            .Select(ModelEmitter.Emit)
            .WithTrackingName(TrackingNames.Sources);


        // Functional models: read the [Model] class and its [Graph] method, infer the graph's shapes, emit.
        var graphDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.ModelAttribute, ModelReader.IsCandidate, GraphModelReader.Read)
            .WithTrackingName(TrackingNames.GraphDeclarations);

        var graphModels = graphDeclarations
            .Select(GraphInference.Infer)
            .WithTrackingName(TrackingNames.GraphShapes);

        var graphSources = graphModels
            .Select(GraphModelEmitter.Emit)
            .WithTrackingName(TrackingNames.GraphSources);

        // Custom layers: read the [Layer] class, emit its Build, checked Call and weights.
        var customLayers = context.SyntaxProvider
            .ForAttributeWithMetadataName(CustomLayerTypes.LayerAttribute, CustomLayerReader.IsCandidate, CustomLayerReader.Read)
            .WithTrackingName(TrackingNames.CustomLayers);

        var customLayerSources = customLayers
            .Select(CustomLayerEmitter.Emit)
            .WithTrackingName(TrackingNames.CustomLayerSources);

        // One output for all of them, so that hint names are unique across models and one model's
        // failure never drops another's file.
        var allSources = sources.Collect()
            .Combine(graphSources.Collect())
            .Combine(customLayerSources.Collect())
            .Select(static (all, _) => all.Left.Left.AddRange(all.Left.Right).AddRange(all.Right));
        context.RegisterSourceOutput(allSources.Combine(helpLinkBase), SourceOutput.AddAll);
    }
}
