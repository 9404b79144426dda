using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>
/// An attention layer's call: <c>mha.Call(x1, x1, training: true)</c>, or with masks
/// <c>mha.Call(x1, x1, null, queryMask: mask1, valueMask: mask1, training: true)</c>. <c>training</c> is
/// named because the mask arguments before it are.
/// </summary>
internal sealed class AttentionCallEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => mode switch
    {
        CallMode.Training => $"{reference}.Call({input}, training: true)",
        CallMode.Evaluation => $"{reference}.Call({input}, training: false)",
        _ => $"{reference}.Call({input}, training: training)",
    };

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => null;
}
