using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>MaxPooling1D</c>: the maximum of each window.
/// Input <c>(batch, steps, channels)</c>; output <c>(batch, new_steps, channels)</c>.
/// </summary>
/// <param name="poolSize">The window length; 2 by default.</param>
/// <param name="strides">The step; the pool size by default.</param>
/// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
/// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>.</param>
public sealed class MaxPooling1D(int poolSize = 2, int? strides = null, Padding padding = Padding.Valid, DataFormat dataFormat = DataFormat.ChannelsLast)
    : Pooling1D(nameof(MaxPooling1D), poolSize, strides, padding, dataFormat)
{
    /// <inheritdoc/>
    private protected override Tensor Pool(Tensor channelsFirst) => PoolingOps.Max(channelsFirst, Window);

    /// <inheritdoc/>
    private protected override Tensor PoolBackward(Tensor channelsFirst, Tensor gradOutput) => PoolingGradients.Max(channelsFirst, gradOutput, Window);
}
