namespace StaticKeras.Layers;

/// <summary>
/// A (height, width) pair for 2-D layer arguments such as Keras' <c>kernel_size</c>, <c>strides</c>,
/// <c>pool_size</c> and <c>dilation_rate</c>. As in Keras, a single number means the same size on
/// both axes: <c>new Conv2D(32, 3)</c> and <c>new Conv2D(32, (3, 3))</c> are the same layer.
/// </summary>
/// <param name="Height">The size along the height (rows) axis.</param>
/// <param name="Width">The size along the width (columns) axis.</param>
public readonly record struct Size2D(int Height, int Width)
{
    /// <summary>The same size on both axes, as Keras' integer form.</summary>
    public static implicit operator Size2D(int size) => new(size, size);

    /// <summary>A (height, width) tuple, as Keras' tuple form.</summary>
    public static implicit operator Size2D((int Height, int Width) size) => new(size.Height, size.Width);

    /// <summary>Writes the pair as Keras prints a tuple: <c>(3, 3)</c>.</summary>
    public override string ToString() => $"({Height}, {Width})";
}
