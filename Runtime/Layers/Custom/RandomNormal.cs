using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>Keras' <c>RandomNormal</c>: values drawn from N(<see cref="Mean"/>, <see cref="StandardDeviation"/>²), by default N(0, 0.05²).</summary>
public sealed class RandomNormal : WeightInitializer
{
    /// <summary>Creates the initializer with Keras' defaults <c>mean=0</c>, <c>stddev=0.05</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="mean"/> is not finite or <paramref name="standardDeviation"/> not positive and finite.</exception>
    public RandomNormal(double mean = 0.0, double standardDeviation = 0.05)
    {
        if (!double.IsFinite(mean) || !double.IsFinite(standardDeviation) || standardDeviation <= 0)
        {
            throw new ArgumentException(
                $"RandomNormal: expected a finite mean and a positive finite standardDeviation, found mean={mean}, standardDeviation={standardDeviation}.");
        }

        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>The mean of the distribution.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the distribution.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype) =>
        empty(shape, dtype).normal_(Mean, StandardDeviation);
}
