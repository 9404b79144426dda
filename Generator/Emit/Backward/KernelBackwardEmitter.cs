using StaticKeras.Generator.Emit.Layers;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// A layer whose runtime class has the explicit kernels of the backward contract
/// (docs/design/backward-contract.md): the forward as in any training step, then
/// <c>layer.Backward(dOut, input, output)</c>, or <c>layer.BackwardWeights(dOut, input, output)</c>
/// when the input needs no gradient (a layer without weights is then skipped).
/// </summary>
internal sealed class KernelBackwardEmitter : IBackwardEmitter
{
    // var x1 = flatten.Call(x[0]);          (forward, as Forward writes it in TrainStep)
    /// <inheritdoc/>
    public string Forward(BackwardNode node) =>
        LayerEmitters.For(node.Layer).Forward(node.Layer, node.Reference, node.Arguments, CallMode.Training);

    // var dx1 = hidden.Backward(dx2, x1, x2);
    /// <inheritdoc/>
    public string InputGradient(BackwardNode node, string gradOutput) =>
        $"{node.Reference}.Backward({gradOutput}, {node.Arguments}, {node.Output})";

    // hidden.BackwardWeights(dx2, x1, x2);
    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) =>
        node.HasWeights ? $"{node.Reference}.BackwardWeights({gradOutput}, {node.Arguments}, {node.Output})" : null;

    /// <inheritdoc/>
    public string? Note(BackwardNode node) => null;

    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => null;

    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => null;
}
