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
    /// for causal all <c>(k - 1) * dilation</c> cells at the start.
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
}
