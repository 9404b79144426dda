using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>
/// A custom <c>[Layer]</c>: <c>custom.Call(x, training)</c>, through the generated override that
/// checks the first output against the declared contract; backward through autograd. Its
/// activation, if any, is inside the user's Call, so nothing is fused.
/// </summary>
internal sealed class CustomLayerCallEmitter : ILayerEmitter
{
    /// <inheritdoc/>
    public string Forward(LayerDeclaration layer, string reference, string input, CallMode mode) => mode switch
    {
        CallMode.Training => $"{reference}.Call({input}, training: true)",
        CallMode.Evaluation => $"{reference}.Call({input}, training: false)",
        _ => $"{reference}.Call({input}, training)",
    };

    /// <inheritdoc/>
    public string? ForwardLogits(LayerDeclaration layer, string reference, string input) => null;
}
