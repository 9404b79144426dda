using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>Element-wise comparisons of tensors with reference numbers.</summary>
internal static class Approx
{
    public static double[] Values(Tensor t) => t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

    /// <summary>Asserts |actual - expected| &lt;= tolerance element by element, naming the first that differs.</summary>
    public static void Equal(double[] expected, Tensor actual, double tolerance)
    {
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) <= tolerance,
                $"element {i}: expected {expected[i]:R}, got {values[i]:R} (tolerance {tolerance})");
        }
    }

    public static void Equal(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        Equal(Values(expected), actual, tolerance);
    }
}
