using System.Collections.Generic;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Model;

/// <summary>
/// Everything the generator read from a <c>[Sequential]</c> or <c>[Model]</c> class, as plain
/// values: the output of the pipeline's first step and the input of shape inference. Both kinds are
/// a graph: a Sequential model is the chain in which node <c>i</c> calls layer <c>i</c> on node
/// <c>i - 1</c>'s output, as Keras builds it.
/// </summary>
/// <param name="Type">The class's namespace, containing types and name.</param>
/// <param name="Location">The class's identifier, where class-level diagnostics go.</param>
/// <param name="Kind">Which attribute declared it, which decides the summary's layout and the doc's wording.</param>
/// <param name="CanGenerate">False when adding a partial part would only add errors (class not partial, wrong base, generic, no runtime).</param>
/// <param name="GenerateConstructor">False when the user declared a constructor (STK0013).</param>
/// <param name="OverrideModifiers"><c>protected</c>, or <c>protected internal</c> when the compilation sees the runtime's internals.</param>
/// <param name="Layers">The layer members in declaration order.</param>
/// <param name="Compile">The <c>[Compile]</c> configuration, when present and valid.</param>
/// <param name="Outputs">The <c>[Output]</c> attributes, when <c>[Compile(optimizer)]</c> leaves each output's loss to them.</param>
/// <param name="Graph">The graph: the <c>[Graph]</c> method, or the chain of a Sequential model; null when it could not be read.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
/// <param name="CompilerErrors">Problems the compiler reports itself (so the generator does not), e.g. a layer initializer that does not compile.</param>
internal sealed record ModelDeclaration(
    TypeIdentity Type,
    SourceLocation Location,
    ModelKind Kind,
    bool CanGenerate,
    bool GenerateConstructor,
    string OverrideModifiers,
    EquatableArray<LayerDeclaration> Layers,
    CompileDeclaration? Compile,
    EquatableArray<OutputCompileDeclaration> Outputs,
    GraphDeclaration? Graph,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> CompilerErrors)
{
    private Dictionary<string, LayerDeclaration>? _byName;

    /// <summary>A declaration the generator could not read because it failed (STK9001).</summary>
    public static ModelDeclaration Failed(TypeIdentity type, SourceLocation location, ModelKind kind, DiagnosticInfo failure) =>
        new(type, location, kind, false, false, "protected", EquatableArray<LayerDeclaration>.Empty, null, EquatableArray<OutputCompileDeclaration>.Empty, null,
            EquatableArray.Of(failure), EquatableArray<string>.Empty);

    /// <summary>
    /// Whether the training step keeps TorchSharp's autograd over the whole model
    /// (<c>[Compile(..., Backward = BackwardMode.Autograd)]</c>) instead of the generated backward pass.
    /// </summary>
    public bool AutogradBackward { get; init; }

    /// <summary>The optimizer options <c>[Compile]</c> wrote (schedule, clipping, weight decay, ...); <see langword="null"/> when none were, or one was wrong.</summary>
    public OptimizerOptionsDeclaration? OptimizerOptions { get; init; }

    /// <summary>Whether the model trains with <c>[Output]</c> attributes: <c>[Compile(optimizer)]</c> and a loss per output.</summary>
    public bool TrainsPerOutput => Outputs.Count > 0;

    /// <summary>The layer member called <paramref name="name"/>.</summary>
    public LayerDeclaration? Layer(string name)
    {
        if (_byName is null)
        {
            var byName = new Dictionary<string, LayerDeclaration>(System.StringComparer.Ordinal);
            foreach (var layer in Layers)
            {
                // The first member of a name wins, as a lookup by name always did.
                if (!byName.ContainsKey(layer.Name))
                {
                    byName[layer.Name] = layer;
                }
            }

            _byName = byName;
        }

        return _byName.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>Equality over the declared values only (the name index is a cache).</summary>
    public bool Equals(ModelDeclaration? other) =>
        other is not null
        && Type == other.Type && Location == other.Location && Kind == other.Kind && CanGenerate == other.CanGenerate
        && GenerateConstructor == other.GenerateConstructor && OverrideModifiers == other.OverrideModifiers && Layers == other.Layers
        && Compile == other.Compile && Outputs == other.Outputs && Graph == other.Graph && Diagnostics == other.Diagnostics
        && CompilerErrors == other.CompilerErrors && AutogradBackward == other.AutogradBackward && OptimizerOptions == other.OptimizerOptions;

    /// <inheritdoc/>
    public override int GetHashCode() => (Type, Kind, Layers, Graph).GetHashCode();
}
