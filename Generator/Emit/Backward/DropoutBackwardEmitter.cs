using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// Dropout: the forward saves its mask (<c>out var x3_mask</c>); the backward multiplies by it. With a
/// rate above 0, the output, the mask (unless a noise shape makes it smaller) and the input gradient go
/// into buffers of the memory plan; a rate of 0 passes its tensor through, which no buffer may hold.
/// </summary>
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

    // drop.Call(x2, training: true, out var x3_mask, into: ..., maskInto: ...)
    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => node.Layer is DropoutDeclaration { Rate: > 0 } dropout
        ? $"{node.Reference}.Call({node.Arguments}, training: true, out var {Mask(node)}, into: {into}"
            + (dropout.NoiseShape.Count == 0 ? $", maskInto: {MemoryPlan.Renamed(into, Mask(node))})" : ")")
        : null;

    // drop.Backward(dx3, x3_mask, into: ...)
    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => node.Layer is DropoutDeclaration { Rate: > 0 }
        ? $"{node.Reference}.Backward({gradOutput}, {Mask(node)}, into: {into})"
        : null;
}
