using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>One tensor a <c>[Graph]</c> method returns.</summary>
/// <param name="Name">The output's name: the layer that produces it (Keras' default), or the input it returns.</param>
/// <param name="Value">The value id of the returned tensor.</param>
/// <param name="Location">The returned expression.</param>
internal sealed record GraphOutput(string Name, int Value, SourceLocation Location);
