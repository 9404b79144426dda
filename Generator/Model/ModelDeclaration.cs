using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// Everything the generator read from a <c>[Sequential]</c> class, as plain values: the output of
/// the pipeline's first step and the input of shape inference.
/// </summary>
/// <param name="Type">The class's namespace, containing types and name.</param>
/// <param name="Location">The class's identifier, where class-level diagnostics go.</param>
/// <param name="CanGenerate">False when adding a partial part would only add errors (class not partial, wrong base, generic, no runtime).</param>
/// <param name="GenerateConstructor">False when the user declared a constructor (STK0013).</param>
/// <param name="OverrideModifiers"><c>protected</c>, or <c>protected internal</c> when the compilation sees the runtime's internals.</param>
/// <param name="Input">The <c>[Input]</c> shape, when it was read without errors.</param>
/// <param name="Layers">The layer members in declaration order.</param>
/// <param name="Compile">The <c>[Compile]</c> configuration, when present and valid.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
/// <param name="CompilerErrors">Problems the compiler reports itself (so the generator does not), e.g. a layer initializer that does not compile.</param>
internal sealed record ModelDeclaration(
    TypeIdentity Type,
    SourceLocation Location,
    bool CanGenerate,
    bool GenerateConstructor,
    string OverrideModifiers,
    Shape? Input,
    EquatableArray<LayerDeclaration> Layers,
    CompileDeclaration? Compile,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> CompilerErrors)
{
    /// <summary>A declaration the generator could not read because it failed (STK9001).</summary>
    public static ModelDeclaration Failed(TypeIdentity type, SourceLocation location, DiagnosticInfo failure) =>
        new(type, location, false, false, "protected", null, EquatableArray<LayerDeclaration>.Empty, null,
            EquatableArray.Of(failure), EquatableArray<string>.Empty);
}
