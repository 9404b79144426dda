using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Wrappers;

/// <summary>
/// The deterministic values the Keras reference runs used (numpy: <c>(sin(0.37 * arange(n) + k) * 0.5).reshape(shape).astype("float32")</c>),
/// so a test can rebuild Keras' weights and inputs without Python.
/// </summary>
internal static class KerasFill
{
    /// <summary>The values for <paramref name="shape"/> and offset <paramref name="k"/>, float32.</summary>
    public static Tensor Of(long[] shape, double k)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var values = Enumerable.Range(0, (int)n).Select(i => (float)(Math.Sin(0.37 * i + k) * 0.5)).ToArray();
        return tensor(values).reshape(shape);
    }

    /// <summary>Sets <paramref name="layer"/>'s weights in state_dict order (Keras' get_weights order) to <see cref="Of"/> with k = 1, 2, ...</summary>
    public static void Weights(nn.Module layer)
    {
        using var noGrad = no_grad();
        var k = 1;
        foreach (var (_, weight) in layer.state_dict())
        {
            weight.copy_(Of(weight.shape, k++));
        }
    }
}
