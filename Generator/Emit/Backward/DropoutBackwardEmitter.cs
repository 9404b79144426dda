namespace StaticKeras.Generator.Emit.Backward;

/// <summary>Dropout: the forward saves its mask (<c>out var x3_mask</c>); the backward multiplies by it.</summary>
internal sealed class DropoutBackwardEmitter : IBackwardEmitter
{
    // drop.Call(x2, training: true, out var x3_mask)
    /// <inheritdoc/>
    public string Forward(BackwardNode node) => $"{node.Reference}.Call({node.Arguments}, training: true, out var {Mask(node)})";

    // drop.Backward(dx3, x3_mask)
    /// <inheritdoc/>
    public string InputGradient(BackwardNode node, string gradOutput) => $"{node.Reference}.Backward({gradOutput}, {Mask(node)})";

    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) => null;

    /// <inheritdoc/>
    public string? Note(BackwardNode node) => null;

    private static string Mask(BackwardNode node) => node.Output + "_mask";

    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => null;

    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => null;
}
