using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>GlobalAveragePooling1D</c>: the mean over every spatial position, per channel.
/// Input <c>(batch, steps, channels)</c>; output <c>(batch, channels)</c>, or <c>(batch, 1, channels)</c> with <c>keepdims</c>.
/// </summary>
/// <param name="keepdims">Whether the reduced axes stay with size 1; false by default.</param>
public sealed class GlobalAveragePooling1D(bool keepdims = false)
    : GlobalPooling(nameof(GlobalAveragePooling1D), 2, "(batch, steps, channels)", keepdims)
{
    /// <inheritdoc/>
    private protected override Tensor Reduce(Tensor inputs, long[] axes) => inputs.mean(axes, keepdim: Keepdims);

    /// <inheritdoc/>
    private protected override string OnnxReduce => "ReduceMean";

    /// <inheritdoc/>
    private protected override Tensor ReduceBackward(Tensor inputs, Tensor output, Tensor gradOutput, long[] axes)
        => gradOutput.div(inputs.shape[1]).expand(inputs.shape);
}
