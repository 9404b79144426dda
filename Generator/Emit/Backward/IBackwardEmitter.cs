namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// How one layer family is written into an explicit training step: its forward call (which may
/// save state for the backward, as Dropout's mask) and its gradient lines. The backward pass asks
/// for <see cref="InputGradient"/> when some input needs a gradient, else for <see cref="WeightsOnly"/>.
/// </summary>
internal interface IBackwardEmitter
{
    /// <summary>The forward call: <c>hidden.Call(x1)</c>, <c>drop.Call(x2, training: true, out var x3_mask)</c>.</summary>
    string Forward(BackwardNode node);

    /// <summary>
    /// The expression for dL/dinput given dL/doutput named <paramref name="gradOutput"/>:
    /// <c>hidden.Backward(dx2, x1, x2)</c>. For a layer of several inputs, an expression of type
    /// <c>Tensor[]</c>, one gradient per input.
    /// </summary>
    string InputGradient(BackwardNode node, string gradOutput);

    /// <summary>
    /// The statement (without <c>;</c>) that adds only the weights' gradients, when no input needs
    /// one: <c>hidden.BackwardWeights(dx2, x1, x2)</c>; <see langword="null"/> when there is nothing to do.
    /// </summary>
    string? WeightsOnly(BackwardNode node, string gradOutput);

    /// <summary>What the backward line's comment says besides the shape (<c>autograd on this layer alone</c>), or null.</summary>
    string? Note(BackwardNode node);

    /// <summary>
    /// The forward call writing its output into <paramref name="into"/> (a buffer of the memory plan):
    /// <c>hidden.Call(x1, training: true, into: ...)</c>; <see langword="null"/> when the family's forward kernel cannot write in place.
    /// </summary>
    string? ForwardInto(BackwardNode node, string into);

    /// <summary>
    /// <see cref="InputGradient"/> writing dL/dinput into <paramref name="into"/>:
    /// <c>output.BackwardLinear(dlogits, x2, into: ...)</c>; <see langword="null"/> when the kernel does not
    /// honour <c>into</c> (or only copies into it, which saves nothing).
    /// </summary>
    string? InputGradientInto(BackwardNode node, string gradOutput, string into);
}
