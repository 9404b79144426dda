using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>Which fan <see cref="VarianceScaling"/> divides its scale by.</summary>
public enum FanMode
{
    /// <summary>The number of inputs.</summary>
    FanIn,

    /// <summary>The number of outputs.</summary>
    FanOut,

    /// <summary>The mean of inputs and outputs.</summary>
    FanAverage,
}

/// <summary>
/// Keras' <c>VarianceScaling</c>, the family behind glorot_normal, he_normal and he_uniform: with
/// <c>n</c> the chosen fan, a truncated normal (cut at two standard deviations) whose standard
/// deviation after truncation is <c>sqrt(scale / n)</c>, or a uniform in <c>±sqrt(3 scale / n)</c>.
/// </summary>
public sealed class VarianceScaling : WeightInitializer
{
    // Keras: the standard deviation of a unit normal truncated to [-2, 2].
    private const double TruncationCorrection = 0.87962566103423978;

    // erf(√2): the probability mass of a unit normal within ±2, mapped to (-1, 1).
    private const double ErfSqrt2 = 0.95449973610364158;

    /// <summary>Creates the initializer.</summary>
    /// <param name="scale">The variance scale, > 0.</param>
    /// <param name="mode">Which fan divides it.</param>
    /// <param name="uniform">Uniform instead of truncated normal.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive and finite.</exception>
    public VarianceScaling(double scale, FanMode mode, bool uniform)
    {
        Scale = scale > 0 && double.IsFinite(scale)
            ? scale
            : throw new ArgumentOutOfRangeException(nameof(scale), scale, $"VarianceScaling: expected a positive finite scale, found {scale}.");
        Mode = mode;
        Uniform = uniform;
    }

    /// <summary>The variance scale.</summary>
    public double Scale { get; }

    /// <summary>Which fan divides the scale.</summary>
    public FanMode Mode { get; }

    /// <summary>Whether values are uniform (otherwise truncated normal).</summary>
    public bool Uniform { get; }

    /// <summary>Keras' <c>glorot_normal</c>.</summary>
    public static VarianceScaling GlorotNormal() => new(1.0, FanMode.FanAverage, uniform: false);

    /// <summary>Keras' <c>he_normal</c>.</summary>
    public static VarianceScaling HeNormal() => new(2.0, FanMode.FanIn, uniform: false);

    /// <summary>Keras' <c>he_uniform</c>.</summary>
    public static VarianceScaling HeUniform() => new(2.0, FanMode.FanIn, uniform: true);

    /// <summary>The variance <c>scale / max(1, n)</c> the values have for a weight of <paramref name="shape"/>.</summary>
    public double Variance(long[] shape)
    {
        var (fanIn, fanOut) = ComputeFans(shape);
        double n = Mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
        return Scale / Math.Max(1.0, n);
    }

    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype)
    {
        var variance = Variance(shape);
        if (Uniform)
        {
            var limit = Math.Sqrt(3.0 * variance);
            return empty(shape, dtype).uniform_(-limit, limit);
        }

        // Inverse-CDF sampling of N(0, stddev^2) cut at ±2 stddev, as PyTorch's trunc_normal_:
        // u ~ U(-erf(√2), erf(√2)), x = √2 stddev erfinv(u).
        var stddev = Math.Sqrt(variance) / TruncationCorrection;
        return empty(shape, dtype).uniform_(-ErfSqrt2, ErfSqrt2).erfinv_().mul_(stddev * Math.Sqrt(2)).clamp_(-2 * stddev, 2 * stddev);
    }
}
