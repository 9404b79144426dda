using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Emit;

/// <summary>The pipeline's last value for one model: the file to add, if any, and the diagnostics to report.</summary>
/// <param name="HintName">The file's hint name, <c>{Namespace}.{Type}.g.cs</c>; <see langword="null"/> when nothing can be generated.</param>
/// <param name="Source">The file's text.</param>
/// <param name="Diagnostics">Every diagnostic for the model.</param>
internal sealed record GeneratedModel(string? HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);
