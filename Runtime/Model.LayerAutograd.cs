using System;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// In a generated backward pass, runs a layer call that has no explicit <c>Backward</c> with
    /// autograd recording that call alone (see <see cref="LayerGradients"/>).
    /// </summary>
    /// <param name="input">The layer's input.</param>
    /// <param name="call">The layer call.</param>
    /// <param name="tracked">The leaf the call read, for <see cref="RecordedBackward(Tensor, Tensor, Tensor)"/>.</param>
    protected static Tensor Record(Tensor input, Func<Tensor, Tensor> call, out Tensor tracked) => LayerGradients.Record(input, call, out tracked);

    /// <summary><see cref="Record(Tensor, Func{Tensor, Tensor}, out Tensor)"/> for a call whose input needs no gradient: only its weights are tracked.</summary>
    /// <param name="input">The layer's input.</param>
    /// <param name="call">The layer call.</param>
    protected static Tensor Record(Tensor input, Func<Tensor, Tensor> call) => LayerGradients.Record(input, call);

    /// <summary><see cref="Record(Tensor, Func{Tensor, Tensor}, out Tensor)"/> for a call of several inputs.</summary>
    /// <param name="inputs">The layer's inputs.</param>
    /// <param name="call">The layer call.</param>
    /// <param name="tracked">The leaves the call read.</param>
    protected static Tensor Record(Tensor[] inputs, Func<Tensor[], Tensor> call, out Tensor[] tracked) => LayerGradients.Record(inputs, call, out tracked);

    /// <summary>dL/dinput of a recorded call; its weights' gradients are added to their <c>.grad</c>.</summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="tracked">The leaf <c>Record</c> gave.</param>
    protected static Tensor RecordedBackward(Tensor output, Tensor gradOutput, Tensor tracked) => LayerGradients.Backward(output, gradOutput, tracked);

    /// <summary>dL/dinputs of a recorded call of several inputs.</summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="tracked">The leaves <c>Record</c> gave.</param>
    protected static Tensor[] RecordedBackward(Tensor output, Tensor gradOutput, Tensor[] tracked) => LayerGradients.Backward(output, gradOutput, tracked);

    /// <summary>Only the weights' gradients of a call recorded without tracking its input.</summary>
    /// <param name="output">The recorded call's output.</param>
    /// <param name="gradOutput">dL/doutput.</param>
    protected static void RecordedBackwardWeights(Tensor output, Tensor gradOutput) => LayerGradients.BackwardWeights(output, gradOutput);
}
