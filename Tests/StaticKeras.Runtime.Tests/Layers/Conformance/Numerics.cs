using Xunit;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>Tensor comparisons with messages that say what differs and by how much.</summary>
public static class Numerics
{
    /// <summary>
    /// Asserts equal shapes and <c>|actual - expected| &lt;= tolerance * (1 + |expected|)</c> everywhere
    /// (a tolerance of 0 asks for exact equality).
    /// </summary>
    public static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = NewDisposeScope();
        var e = expected.detach().to_type(ScalarType.Float64);
        var a = actual.detach().to_type(ScalarType.Float64);
        var excess = (a - e).abs() - tolerance * (1 + e.abs());
        if (excess.numel() > 0 && excess.max().item<double>() > 0)
        {
            double worst = (a - e).abs().max().item<double>();
            throw new XunitException($"{what}: values differ by up to {worst:G6} (tolerance {tolerance:G3}).");
        }
    }

    /// <summary>A double tensor from nested values, for hand-computed expectations.</summary>
    public static Tensor Doubles(double[] values, params long[] shape) => tensor(values, ScalarType.Float64).reshape(shape);

    /// <summary>
    /// <paramref name="x"/> with every value within 0.05 of a kink moved 0.1 up, so that finite
    /// differences and float32 rounding never straddle a point where the function is not smooth.
    /// </summary>
    public static Tensor AwayFrom(Tensor x, double[] kinks)
    {
        foreach (double kink in kinks)
        {
            x = where((x - kink).abs() < 0.05, x + 0.1, x);
        }

        return x;
    }
}
