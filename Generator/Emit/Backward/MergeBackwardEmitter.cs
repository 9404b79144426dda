using StaticKeras.Generator.Emit.Layers;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>A merge layer (Add, Concatenate, ...): one gradient per input, <c>add.Backward(dx5, new[] { x3, x4 }, x5)</c>.</summary>
internal sealed class MergeBackwardEmitter : IBackwardEmitter
{
    /// <inheritdoc/>
    public string Forward(BackwardNode node) =>
        LayerEmitters.For(node.Layer).Forward(node.Layer, node.Reference, node.Arguments, CallMode.Training);

    /// <inheritdoc/>
    /// <remarks>A merge of one input (Keras returns it unchanged) hands back its one gradient, not an array.</remarks>
    public string InputGradient(BackwardNode node, string gradOutput) =>
        $"{node.Reference}.Backward({gradOutput}, {node.InputArray}, {node.Output})" + (node.Inputs.Count == 1 ? "[0]" : "");

    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) => null;

    /// <inheritdoc/>
    public string? Note(BackwardNode node) => null;

    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => null;

    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => null;
}
