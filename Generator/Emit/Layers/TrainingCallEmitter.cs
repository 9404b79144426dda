using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>
/// A call that depends on training (Dropout, BatchNormalization, models used as layers, custom
/// <c>[Layer]</c> classes, whose activation is inside the user's Call): <c>drop.Call(x, training)</c>,
/// <c>training: true</c> in TrainStep, <c>training: false</c> in TestStep; nothing to fuse.
/// </summary>
internal sealed class TrainingCallEmitter : ILayerEmitter
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
