using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>
/// One call <c>layer.Call(...)</c> in a <c>[Graph]</c> method: Keras' node. Calls of the same layer
/// member share its weights.
/// </summary>
/// <param name="Layer">The layer member's name.</param>
/// <param name="Inputs">The tensors it is called on, as value ids (<see cref="GraphDeclaration"/>).</param>
/// <param name="Location">
/// The call expression, where shape errors of this call go; <see langword="null"/> in a Sequential
/// model's chain, which has no call expressions (its errors go to the layer's initializer).
/// </param>
internal sealed record GraphNode(string Layer, EquatableArray<int> Inputs, SourceLocation? Location);
