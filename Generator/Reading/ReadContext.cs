using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Reading;

/// <summary>What the readers collect while reading one declaration: diagnostics, and problems the compiler reports itself.</summary>
internal sealed class ReadContext
{
    /// <summary>Diagnostics found so far.</summary>
    public List<DiagnosticInfo> Diagnostics { get; } = [];

    /// <summary>Problems the compiler already reports (a layer initializer that does not compile), for the generated error message.</summary>
    public List<string> CompilerErrors { get; } = [];

    /// <summary>
    /// The types of the model's layer members as <see cref="LayerReader"/> bound them, by member name, so
    /// that reading the graph does not bind a member's declared type a second time.
    /// </summary>
    public Dictionary<string, ITypeSymbol> LayerTypes { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Adds a diagnostic.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}
