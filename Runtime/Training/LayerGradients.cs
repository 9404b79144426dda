using System;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The vector-Jacobian product of one layer through autograd, for a generated backward pass whose
/// layer has no explicit <c>Backward</c> (a custom <c>[Layer]</c>, a recurrent layer, a nested
/// model): <c>Record</c> runs the layer's forward call with autograd on, over that layer alone (its
/// input is a fresh leaf), and <c>Backward</c> runs autograd's backward from the output's gradient:
/// the layer's weight gradients add into their <c>.grad</c> buffers and the input's gradient is
/// returned. The rest of the step stays without a tape.
/// </summary>
public static class LayerGradients
{
    /// <summary>Runs <paramref name="call"/> on <paramref name="input"/> with autograd recording that call alone.</summary>
    /// <param name="input">The layer's input (computed without a tape).</param>
    /// <param name="call">The layer's forward call.</param>
    /// <param name="tracked">The leaf the call read, for <see cref="Backward(Tensor, Tensor, Tensor)"/>.</param>
    public static Tensor Record(Tensor input, Func<Tensor, Tensor> call, out Tensor tracked)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(call);
        using var grad = enable_grad();
        tracked = input.detach().requires_grad_(true);
        return call(tracked);
    }

    /// <summary>Runs <paramref name="call"/> with autograd recording it, for a call whose input needs no gradient (a model input): only its weights are tracked.</summary>
    /// <param name="input">The layer's input.</param>
    /// <param name="call">The layer's forward call.</param>
    public static Tensor Record(Tensor input, Func<Tensor, Tensor> call)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(call);
        using var grad = enable_grad();
        return call(input);
    }

    /// <summary>The same for a layer of several inputs (a merge layer, a nested model with several inputs).</summary>
    /// <param name="inputs">The layer's inputs.</param>
    /// <param name="call">The layer's forward call.</param>
    /// <param name="tracked">The leaves the call read, one per input.</param>
    public static Tensor Record(Tensor[] inputs, Func<Tensor[], Tensor> call, out Tensor[] tracked)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(call);
        using var grad = enable_grad();
        tracked = Array.ConvertAll(inputs, i => i.detach().requires_grad_(true));
        return call(tracked);
    }

    /// <summary>
    /// Backpropagates <paramref name="gradOutput"/> through the recorded call: the layer's weights get
    /// their gradients added; returns dL/dinput (zeros where the input does not reach the output).
    /// </summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="tracked">The leaf <c>Record</c> gave.</param>
    public static Tensor Backward(Tensor output, Tensor gradOutput, Tensor tracked)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        Run(output, gradOutput);
        return tracked.grad ?? zeros_like(tracked);
    }

    /// <summary>The same for a call of several inputs: one gradient per input.</summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="tracked">The leaves <c>Record</c> gave.</param>
    public static Tensor[] Backward(Tensor output, Tensor gradOutput, Tensor[] tracked)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        Run(output, gradOutput);
        return Array.ConvertAll(tracked, t => t.grad ?? zeros_like(t));
    }

    /// <summary>Backpropagates through a call recorded without tracking its input: only the weights' gradients are added.</summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    public static void BackwardWeights(Tensor output, Tensor gradOutput) => Run(output, gradOutput);

    // A call whose output needs no gradient (no weights, an untracked input) has nothing to do.
    private static void Run(Tensor output, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (output.requires_grad)
        {
            using var grad = enable_grad();
            output.backward([gradOutput]);
        }
    }
}
