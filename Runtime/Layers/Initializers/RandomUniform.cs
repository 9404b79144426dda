using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>
/// Keras' <c>RandomUniform</c>: values drawn from U(<see cref="MinValue"/>, <see cref="MaxValue"/>),
/// by default U(-0.05, 0.05) (the default of <c>Embedding</c>).
/// </summary>
public sealed class RandomUniform : WeightInitializer
{
    /// <summary>Creates the initializer with Keras' defaults <c>minval=-0.05</c>, <c>maxval=0.05</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="minValue"/> is not below <paramref name="maxValue"/>, or either is not finite.</exception>
    public RandomUniform(double minValue = -0.05, double maxValue = 0.05)
    {
        if (!double.IsFinite(minValue) || !double.IsFinite(maxValue) || minValue >= maxValue)
        {
            throw new ArgumentException(
                $"RandomUniform: expected finite minValue < maxValue, found minValue={minValue}, maxValue={maxValue}.");
        }

        MinValue = minValue;
        MaxValue = maxValue;
    }

    /// <summary>The lower bound of the distribution.</summary>
    public double MinValue { get; }

    /// <summary>The upper bound of the distribution.</summary>
    public double MaxValue { get; }

    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype) =>
        empty(shape, dtype).uniform_(MinValue, MaxValue);
}
