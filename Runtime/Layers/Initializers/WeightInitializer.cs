using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>
/// The base of the weight initializers, as Keras' <c>keras.initializers.Initializer</c>: creates a
/// tensor of a given shape. Random initializers draw from TorchSharp's global generator, so
/// <c>torch.random.manual_seed</c> makes them reproducible.
/// </summary>
public abstract class WeightInitializer
{
    /// <summary>Creates a new tensor of <paramref name="shape"/> filled by this initializer, outside autograd.</summary>
    /// <param name="shape">Every dimension of the weight; each must be positive.</param>
    /// <param name="dtype">The element type (Keras' default float32).</param>
    /// <exception cref="ArgumentException">A dimension is zero or negative.</exception>
    public Tensor Create(long[] shape, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Any(d => d <= 0))
        {
            throw new ArgumentException(
                $"{GetType().Name}: every weight dimension must be positive, found shape ({string.Join(", ", shape)}).",
                nameof(shape));
        }

        using var noGrad = no_grad();
        return Generate(shape, dtype);
    }

    /// <summary>Creates the values; <paramref name="shape"/> has been validated.</summary>
    protected abstract Tensor Generate(long[] shape, ScalarType dtype);

    /// <summary>
    /// Keras' <c>compute_fans</c>: a 1-D shape has fan-in = fan-out = its size; a 2-D shape is
    /// (fan-in, fan-out); a convolution kernel (..., in, out) multiplies both by its receptive
    /// field, the product of the leading dimensions.
    /// </summary>
    public static (long FanIn, long FanOut) ComputeFans(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        switch (shape.Length)
        {
            case 0:
                return (1, 1);
            case 1:
                return (shape[0], shape[0]);
            case 2:
                return (shape[0], shape[1]);
            default:
                long receptiveField = 1;
                for (int i = 0; i < shape.Length - 2; i++)
                {
                    receptiveField *= shape[i];
                }

                return (shape[^2] * receptiveField, shape[^1] * receptiveField);
        }
    }
}
