namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>SpatialDropout1D</c>: drops whole feature channels of sequences in training. Input and
/// output <c>(batch, steps, channels)</c>.
/// </summary>
public sealed class SpatialDropout1D : SpatialDropout
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    public SpatialDropout1D(double rate) : base(nameof(SpatialDropout1D), rate, 1, "(batch, steps, channels)")
    {
    }
}
