using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary><c>ActivationLayer</c> and <c>Softmax</c> over the last axis: <c>act.Call(x)</c>; before its activation it is the identity, so the logits are its input.</summary>
internal sealed class ActivationLayerEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => $"{reference}.Call({input})";

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => input;
}
