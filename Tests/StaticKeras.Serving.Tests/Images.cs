using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Serving.Tests;

/// <summary>Test images: deterministic pixel values in [0, 1], as nested arrays for JSON and as tensors for the reference model.</summary>
internal static class Images
{
    public static float[][] Image(int seed) =>
        Enumerable.Range(0, 28).Select(r => Enumerable.Range(0, 28).Select(c => ((r * 31 + c * 17 + seed * 97) % 256) / 255f).ToArray()).ToArray();

    public static Tensor Tensor(params float[][][] images) =>
        tensor(images.SelectMany(i => i.SelectMany(row => row)).ToArray(), [images.Length, 28, 28]);

    public static void AssertClose(float[] expected, float[] actual)
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Xunit.Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f, $"value {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
