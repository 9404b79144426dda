using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;

namespace StaticKeras.Export.Onnx;

/// <summary>Convolution and pooling window attributes: kernel, strides, dilations and Keras' padding modes.</summary>
internal static class OnnxWindows
{
    /// <summary>
    /// <c>kernel_shape</c>, <c>strides</c>, <c>dilations</c> (when given) and the padding: none for
    /// valid, <c>SAME_UPPER</c> for same (the extra cell at the end, as Keras/TensorFlow pad), and
    /// for causal all <c>(k - 1) * dilation</c> cells at the start. ONNX Runtime takes no <c>SAME_UPPER</c>
    /// with dilations, so a dilated same window (strides 1: see <see cref="HasForm"/>) gets explicit pads,
    /// <c>(k - 1) * dilation</c> cells split as TensorFlow splits them (the odd one at the end).
    /// </summary>
    public static OnnxAttribute[] Attributes(long[] kernel, long[] strides, long[]? dilations, Padding padding)
    {
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Ints("kernel_shape", kernel), OnnxAttribute.Ints("strides", strides) };
        if (dilations is not null)
        {
            attributes.Add(OnnxAttribute.Ints("dilations", dilations));
        }

        switch (padding)
        {
            case Padding.Same when dilations is not null && dilations.Any(d => d > 1):
                var total = kernel.Select((k, i) => (k - 1) * dilations[i]).ToArray();
                attributes.Add(OnnxAttribute.Ints("pads", [.. total.Select(t => t / 2), .. total.Select(t => t - t / 2)]));
                break;
            case Padding.Same:
                attributes.Add(OnnxAttribute.String("auto_pad", "SAME_UPPER"));
                break;
            case Padding.Causal:
                var begin = kernel.Select((k, i) => (k - 1) * (dilations?[i] ?? 1));
                attributes.Add(OnnxAttribute.Ints("pads", [.. begin, .. kernel.Select(_ => 0L)]));
                break;
        }

        return [.. attributes];
    }

    /// <summary>
    /// Whether <see cref="Attributes"/> can write the window: a same window with both strides and dilations above 1
    /// (which depthwise and separable convolutions allow) pads by an amount that depends on the input's size.
    /// </summary>
    public static bool HasForm(long[] strides, long[] dilations, Padding padding) =>
        padding != Padding.Same || strides.All(s => s == 1) || dilations.All(d => d == 1);
}
