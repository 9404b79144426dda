using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Model.Graph;

/// <summary>
/// Everything the generator read from a <c>[Model]</c> class, as plain values: the output of the
/// functional pipeline's first step and the input of graph shape inference.
/// </summary>
/// <param name="Type">The class's namespace, containing types and name.</param>
/// <param name="Location">The class's identifier, where class-level diagnostics go.</param>
/// <param name="CanGenerate">False when adding a partial part would only add errors.</param>
/// <param name="GenerateConstructor">False when the user declared a constructor (STK0013).</param>
/// <param name="OverrideModifiers"><c>protected</c>, or <c>protected internal</c> when the compilation sees the runtime's internals.</param>
/// <param name="Layers">The layer members in declaration order.</param>
/// <param name="Compile">The <c>[Compile]</c> configuration, when present and valid.</param>
/// <param name="Outputs">The <c>[Output]</c> attributes, when <c>[Compile(optimizer)]</c> leaves each output's loss to them.</param>
/// <param name="Graph">The <c>[Graph]</c> method, when it was read without errors.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
/// <param name="CompilerErrors">Problems the compiler reports itself.</param>
internal sealed record GraphModelDeclaration(
    TypeIdentity Type,
    SourceLocation Location,
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
    /// <summary>A declaration the generator could not read because it failed (STK9001).</summary>
    public static GraphModelDeclaration Failed(TypeIdentity type, SourceLocation location, DiagnosticInfo failure) =>
        new(type, location, false, false, "protected", EquatableArray<LayerDeclaration>.Empty, null, EquatableArray<OutputCompileDeclaration>.Empty, null,
            EquatableArray.Of(failure), EquatableArray<string>.Empty);

    /// <summary>Whether the model trains with <c>[Output]</c> attributes: <c>[Compile(optimizer)]</c> and a loss per output.</summary>
    public bool TrainsPerOutput => Outputs.Count > 0;

    /// <summary>The layer member called <paramref name="name"/>.</summary>
    public LayerDeclaration? Layer(string name)
    {
        foreach (var layer in Layers)
        {
            if (layer.Name == name)
            {
                return layer;
            }
        }

        return null;
    }
}
