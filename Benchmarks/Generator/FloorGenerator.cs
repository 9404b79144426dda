using Microsoft.CodeAnalysis;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// The peer of the edit benchmark: finds the same <c>[Sequential]</c> and <c>[Model]</c> classes
/// with the same <c>ForAttributeWithMetadataName</c> and reads only their names. What an edit costs
/// with it is what Roslyn costs before the model generator does any work of its own.
/// </summary>
public sealed class FloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var attribute in new[] { "StaticKeras.SequentialAttribute", "StaticKeras.ModelAttribute" })
        {
            var names = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, (node, _) => true, (c, _) => c.TargetSymbol.Name)
                .WithTrackingName("Names");
            context.RegisterSourceOutput(names, (_, _) => { });
        }
    }
}
