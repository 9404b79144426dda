namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>SpatialDropout2D</c>: drops whole feature maps of images in training.
/// Input and output <c>(batch, height, width, channels)</c>, or <c>(batch, channels, height, width)</c> with
/// <see cref="DataFormat.ChannelsFirst"/>.
/// </summary>
public sealed class SpatialDropout2D : SpatialDropout
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>.</param>
    public SpatialDropout2D(double rate, DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(SpatialDropout2D), rate, 2, DataFormats.Layout(dataFormat, "height", "width"), dataFormat)
    {
        DataFormat = dataFormat;
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }
}
