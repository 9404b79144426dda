namespace StaticKeras.Layers;

/// <summary>The <c>interpolation</c> argument of <see cref="UpSampling2D"/>.</summary>
public enum Interpolation
{
    /// <summary>Each input cell is repeated (Keras' default).</summary>
    Nearest,

    /// <summary>Bilinear with half-pixel centres, as TensorFlow's and JAX's image resize.</summary>
    Bilinear,
}
