namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>SpatialDropout2D</c>: drops whole feature maps of channels-last images in training.
/// Input and output <c>(batch, height, width, channels)</c>.
/// </summary>
public sealed class SpatialDropout2D : SpatialDropout
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    public SpatialDropout2D(double rate) : base(nameof(SpatialDropout2D), rate, 2, "(batch, height, width, channels)")
    {
    }
}
