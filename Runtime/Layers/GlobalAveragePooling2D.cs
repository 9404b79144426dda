using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>GlobalAveragePooling2D</c>: the mean over every spatial position, per channel.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, channels)</c>, or <c>(batch, 1, 1, channels)</c> with <c>keepdims</c>.
/// </summary>
/// <param name="keepdims">Whether the reduced axes stay with size 1; false by default.</param>
/// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>.</param>
public sealed class GlobalAveragePooling2D(bool keepdims = false, DataFormat dataFormat = DataFormat.ChannelsLast)
    : GlobalPooling(nameof(GlobalAveragePooling2D), 3, keepdims, dataFormat)
{
    /// <inheritdoc/>
    private protected override Tensor Reduce(Tensor inputs, long[] axes) => inputs.mean(axes, keepdim: Keepdims);

    /// <inheritdoc/>
    private protected override string OnnxReduce => "ReduceMean";

    /// <inheritdoc/>
    private protected override Tensor ReduceBackward(Tensor inputs, Tensor output, Tensor gradOutput, long[] axes)
    {
        using var count = (inputs.shape[1] * inputs.shape[2]).ToScalar();   // held: an implicit Scalar could be finalized mid-call
        return gradOutput.div(count).expand(inputs.shape);
    }
}
