using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary><c>Dropout</c>, <c>BatchNormalization</c> and models used as layers, which depend on training: <c>drop.Call(x, training)</c>, <c>training: true</c> in TrainStep, <c>training: false</c> in TestStep.</summary>
internal sealed class DropoutEmitter : ILayerEmitter
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
