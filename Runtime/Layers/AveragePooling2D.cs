using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>AveragePooling2D</c>: the mean of each window; with "same" the padded cells are left out of the divisor, as in Keras.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, new_height, new_width, channels)</c>.
/// </summary>
/// <param name="poolSize">The window (height, width). Required, as in Keras (whose <c>MaxPooling2D</c> defaults it to (2, 2) but <c>AveragePooling2D</c> does not).</param>
/// <param name="strides">The step; the pool size by default.</param>
/// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
/// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>.</param>
public sealed class AveragePooling2D(Size2D poolSize, Size2D? strides = null, Padding padding = Padding.Valid, DataFormat dataFormat = DataFormat.ChannelsLast)
    : Pooling2D(nameof(AveragePooling2D), poolSize, strides, padding, dataFormat)
{
    /// <inheritdoc/>
    private protected override Tensor Pool(Tensor channelsFirst) => PoolingOps.Average(channelsFirst, Window);

    /// <inheritdoc/>
    private protected override Tensor PoolBackward(Tensor channelsFirst, Tensor gradOutput) => PoolingGradients.Average(channelsFirst.shape, gradOutput, Window);
}
