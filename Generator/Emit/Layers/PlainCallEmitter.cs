using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>
/// A plain call with no separable activation and no training argument (Flatten, convolution,
/// pooling, reshaping, recurrent, merges): <c>flatten.Call(x)</c>, <c>add.Call(x1, x2)</c>.
/// </summary>
internal sealed class PlainCallEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => $"{reference}.Call({input})";

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => null;
}
