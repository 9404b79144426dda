using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' depthwise convolution (<c>ops.depthwise_conv</c>) as a grouped TorchSharp convolution: each
/// input channel <c>c</c> gets its own <c>depth_multiplier</c> filters, and output channel
/// <c>c·multiplier + m</c> is channel <c>c</c> convolved with <c>kernel[:, :, c, m]</c>, as in Keras.
/// </summary>
internal static class DepthwiseConvolution
{
    /// <summary>
    /// Convolves channels-last <paramref name="inputs"/> <c>(batch, h, w, c)</c> with a Keras depthwise
    /// kernel <c>(kh, kw, c, multiplier)</c>; returns channels-first <c>(batch, c·multiplier, h', w')</c>
    /// without bias, padded as <paramref name="window"/> says.
    /// </summary>
    public static Tensor ChannelsFirst(Tensor inputs, Tensor kernel, WindowSpec window)
    {
        long channels = kernel.shape[2];
        long multiplier = kernel.shape[3];
        var x = window.PadChannelsFirst(inputs.permute(0, 3, 1, 2));
        // (kh, kw, c, m) -> (c, m, kh, kw) -> TorchSharp's (c·m, 1, kh, kw), groups = c: output channel c·m + j.
        var weight = kernel.permute(2, 3, 0, 1).reshape(channels * multiplier, 1, kernel.shape[0], kernel.shape[1]);
        return nn.functional.conv2d(x, weight, null, strides: window.Strides, padding: [0, 0], dilation: window.Dilation, groups: channels);
    }

    /// <summary>
    /// <see cref="ChannelsFirst"/> as an ONNX <c>Conv</c> on channels-first <paramref name="input"/>: the kernel as
    /// <c>(c·m, 1, kh, kw)</c>, <c>group</c> = c, Keras' padding as the window's attributes, and the bias when given.
    /// </summary>
    public static string ExportOnnx(Export.Onnx.OnnxGraph graph, string input, Tensor kernel, WindowSpec window, string hint, Tensor? bias = null)
    {
        long channels = kernel.shape[2];
        var weight = graph.Initializer(hint, kernel.permute(2, 3, 0, 1).reshape(channels * kernel.shape[3], 1, kernel.shape[0], kernel.shape[1]));
        return graph.Node(
            "Conv",
            bias is null ? [input, weight] : [input, weight, graph.Initializer("bias", bias)],
            [.. Export.Onnx.OnnxWindows.Attributes(window.Kernel, window.Strides, window.Dilation, window.Padding), Export.Onnx.OnnxAttribute.Int("group", channels)]);
    }
}
