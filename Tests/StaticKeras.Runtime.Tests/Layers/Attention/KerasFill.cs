using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Attention;

/// <summary>
/// The deterministic weights and inputs the attention tests share with the Python script that made
/// their Keras reference values: weight j (in Keras' order) holds <c>0.5 · sin(0.37 · i + j)</c>, an
/// input <c>cos(0.23 · i + offset)</c>, both over the flattened index i.
/// </summary>
internal static class KerasFill
{
    /// <summary>Fills the module's parameters, in registration order (Keras' weight order).</summary>
    public static void Weights(nn.Module module)
    {
        using var noGrad = no_grad();
        int j = 0;
        foreach (var (_, parameter) in module.named_parameters())
        {
            var values = (arange(parameter.numel(), ScalarType.Float64) * 0.37 + j).sin() * 0.5;
            parameter.copy_(values.reshape(parameter.shape));
            j++;
        }
    }

    /// <summary>An input of <paramref name="shape"/>.</summary>
    public static Tensor Input(long[] shape, double offset, ScalarType dtype = ScalarType.Float64) =>
        (arange(shape.Aggregate(1L, (a, b) => a * b), ScalarType.Float64) * 0.23 + offset).cos().reshape(shape).to_type(dtype);
}
