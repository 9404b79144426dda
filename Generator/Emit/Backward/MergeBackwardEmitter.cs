using StaticKeras.Generator.Emit.Layers;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>A merge layer (Add, Concatenate, ...): one gradient per input, <c>add.Backward(dx5, new[] { x3, x4 }, x5)</c>.</summary>
internal sealed class MergeBackwardEmitter : IBackwardEmitter
{
    /// <inheritdoc/>
    public string Forward(BackwardNode node) =>
        LayerEmitters.For(node.Layer).Forward(node.Layer, node.Reference, node.Arguments, CallMode.Training);

    /// <inheritdoc/>
    public string InputGradient(BackwardNode node, string gradOutput) =>
        $"{node.Reference}.Backward({gradOutput}, {node.InputArray}, {node.Output})";

    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) => null;

    /// <inheritdoc/>
    public string? Note(BackwardNode node) => null;
}
