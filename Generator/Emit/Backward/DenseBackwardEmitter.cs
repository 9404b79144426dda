using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// Dense: its kernels take the activation's backward too; when the loss fuses the activation (the
/// call is <c>CallLinear</c>), the gradient starts after it: <c>output.BackwardLinear(dlogits, x3)</c>.
/// </summary>
internal sealed class DenseBackwardEmitter : IBackwardEmitter
{
    private static readonly KernelBackwardEmitter Kernel = new();

    /// <inheritdoc/>
    public string Forward(BackwardNode node) => node.Logits
        ? LayerEmitters.For(node.Layer).ForwardLogits(node.Layer, node.Reference, node.Arguments)!
        : Kernel.Forward(node);

    // var dx3 = output.BackwardLinear(dlogits, x3);   or   hidden.Backward(dx2, x1, x2, scratch: ...)
    /// <inheritdoc/>
    public string InputGradient(BackwardNode node, string gradOutput) => node.Logits
        ? $"{node.Reference}.BackwardLinear({gradOutput}, {node.Arguments})"
        : $"{node.Reference}.Backward({gradOutput}, {node.Arguments}, {node.Output}{Scratch(node, gradOutput)})";

    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) => node.Logits
        ? $"{node.Reference}.BackwardLinearWeights({gradOutput}, {node.Arguments})"
        : $"{node.Reference}.BackwardWeights({gradOutput}, {node.Arguments}, {node.Output}{Scratch(node, gradOutput)})";

    /// <inheritdoc/>
    public string? Note(BackwardNode node) => null;

    // hidden.Call(x1, training: true, into: ...)   or   output.CallLinear(x2, into: ...)
    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => node.Logits
        ? $"{node.Reference}.CallLinear({node.Arguments}, into: {into})"
        : $"{node.Reference}.Call({node.Arguments}, training: true, into: {into})";

    // output.BackwardLinear(dlogits, x2, into: ...)   or   hidden.Backward(dx3, x1, x2, into: ...)
    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => node.Logits
        ? $"{node.Reference}.BackwardLinear({gradOutput}, {node.Arguments}, into: {into})"
        : $"{node.Reference}.Backward({gradOutput}, {node.Arguments}, {node.Output}, into: {into}{Scratch(node, gradOutput)})";

    // , scratch: ...   a planned buffer of the output's shape for the activation's gradient, which the
    // runtime computes into it in one pass for relu, sigmoid and tanh (Runtime/Layers/Backward/CpuPasses.cs).
    private static string Scratch(BackwardNode node, string gradOutput) =>
        node.OutputDims is { } dims && node.Layer.OutputActivation is ActivationKind.Relu or ActivationKind.Sigmoid or ActivationKind.Tanh
            ? $", scratch: {MemoryPlan.Into($"d{node.Output}_linear", gradOutput, dims)}"
            : "";
}
