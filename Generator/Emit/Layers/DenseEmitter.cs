using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary><c>Dense</c>: <c>hidden.Call(x)</c>; before its activation, <c>hidden.CallLinear(x)</c>.</summary>
internal sealed class DenseEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => $"{reference}.Call({input})";

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => $"{reference}.CallLinear({input})";
}
