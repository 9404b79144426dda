using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>
/// Keras' <c>glorot_uniform</c> (Xavier uniform), the default kernel initializer: values drawn from
/// U(-limit, limit) with <c>limit = sqrt(6 / (fan_in + fan_out))</c>, fans as
/// <see cref="WeightInitializer.ComputeFans"/> computes them (convolution kernels include the
/// receptive field).
/// </summary>
public sealed class GlorotUniform : WeightInitializer
{
    /// <summary>The bound of the uniform distribution for a weight of <paramref name="shape"/>.</summary>
    public static double Limit(long[] shape)
    {
        var (fanIn, fanOut) = ComputeFans(shape);
        // Keras' VarianceScaling(scale=1, mode="fan_avg"): sqrt(3 * scale / max(1, (fan_in + fan_out) / 2)).
        return Math.Sqrt(3.0 / Math.Max(1.0, (fanIn + fanOut) / 2.0));
    }

    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype)
    {
        double limit = Limit(shape);
        return empty(shape, dtype).uniform_(-limit, limit);
    }
}
