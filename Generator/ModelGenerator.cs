using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Diagnostics;
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
        // The project's StaticKerasHelpLinkBase (or the default), for the diagnostics' help links.
        var helpLinkBase = context.AnalyzerConfigOptionsProvider
            .Select(HelpLinks.FromOptions)
            .WithTrackingName(TrackingNames.HelpLinkBase);

        var sequential = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.SequentialAttribute, ModelReader.IsCandidate, ModelReader.ReadSequential)
            .WithTrackingName(TrackingNames.Declarations);

        var functional = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.ModelAttribute, ModelReader.IsCandidate, ModelReader.ReadFunctional)
            .WithTrackingName(TrackingNames.Declarations);

        // Custom layers: read the [Layer] class, emit its Build, checked Call and weights.
        var customLayers = context.SyntaxProvider
            .ForAttributeWithMetadataName(CustomLayerTypes.LayerAttribute, CustomLayerReader.IsCandidate, CustomLayerReader.Read)
            .WithTrackingName(TrackingNames.CustomLayers);

        var customLayerSources = customLayers
            .Select(CustomLayerEmitter.Emit)
            .WithTrackingName(TrackingNames.CustomLayerSources);

        // One output for all of them, so that hint names are unique across models and one model's
        // failure never drops another's file.
        var allSources = Generate(sequential).Collect()
            .Combine(Generate(functional).Collect())
            .Combine(customLayerSources.Collect())
            .Select(static (all, _) => all.Left.Left.AddRange(all.Left.Right).AddRange(all.Right));
        context.RegisterSourceOutput(allSources.Combine(helpLinkBase), SourceOutput.AddAll);
    }

    // Infer the shapes of every node of the graph, then write the model's part.
    private static IncrementalValuesProvider<GeneratedModel> Generate(IncrementalValuesProvider<ModelDeclaration> declarations) =>
        declarations
            .Select(ShapeInference.Infer)
            .WithTrackingName(TrackingNames.Shapes)
            .Select(ModelEmitter.Emit)
            .WithTrackingName(TrackingNames.Sources);
}
