using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>A layer with a separable activation (Dense): <c>hidden.Call(x)</c>; before its activation, <c>hidden.CallLinear(x)</c>.</summary>
internal sealed class CallLinearEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => $"{reference}.Call({input})";

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => $"{reference}.CallLinear({input})";
}
