using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// A functional model's graph as the generator read it from the <c>[Graph]</c> method: what the
/// runtime needs to describe the model to Keras (<c>config.json</c> with inbound nodes) and to
/// ONNX. Values are numbered: the inputs first (0, 1, ...), then each call's output in order.
/// </summary>
/// <param name="Inputs">The declared input names, in parameter order.</param>
/// <param name="Calls">The layer calls the outputs depend on, in a topological order.</param>
/// <param name="Outputs">The values the model returns, in order.</param>
public sealed record ModelGraph(IReadOnlyList<string> Inputs, IReadOnlyList<LayerCall> Calls, IReadOnlyList<int> Outputs);

/// <summary>One call of a layer in a <see cref="ModelGraph"/>.</summary>
/// <param name="Layer">The layer's member name.</param>
/// <param name="Inputs">The values it is called on (one, or several for a merge).</param>
public sealed record LayerCall(string Layer, IReadOnlyList<int> Inputs);
