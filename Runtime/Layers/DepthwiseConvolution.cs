using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' depthwise convolution (<c>ops.depthwise_conv</c>) as a grouped TorchSharp convolution: each
/// input channel <c>c</c> gets its own <c>depth_multiplier</c> filters, and output channel
/// <c>c·multiplier + m</c> is channel <c>c</c> convolved with <c>kernel[:, :, c, m]</c>, as in Keras.
/// Shared by <see cref="DepthwiseConv2D"/> and <see cref="SeparableConv2D"/>, forward and backward.
/// </summary>
internal static class DepthwiseConvolution
{
    /// <summary>
    /// Convolves <paramref name="inputs"/> laid out as <paramref name="format"/> with a Keras depthwise
    /// kernel <c>(kh, kw, c, multiplier)</c>; returns channels-first <c>(batch, c·multiplier, h', w')</c>
    /// plus <paramref name="bias"/> when given, padded as <paramref name="window"/> says.
    /// </summary>
    public static Tensor ChannelsFirst(Tensor inputs, Tensor kernel, WindowSpec window, DataFormat format, Tensor? bias = null) =>
        OnPadded(Padded(inputs, window, format), kernel, window, bias);

    /// <summary>The channels-first, padded input the convolution reads.</summary>
    public static Tensor Padded(Tensor inputs, WindowSpec window, DataFormat format) =>
        window.PadChannelsFirst(DataFormats.ToChannelsFirst(inputs, format));

    /// <summary>The convolution on an input <see cref="Padded"/> already made.</summary>
    public static Tensor OnPadded(Tensor padded, Tensor kernel, WindowSpec window, Tensor? bias = null) =>
        nn.functional.conv2d(padded, TorchWeight(kernel), bias, strides: window.Strides, padding: [0, 0], dilation: window.Dilation, groups: kernel.shape[2]);

    /// <summary>Keras' <c>(kh, kw, c, m)</c> as TorchSharp's grouped weight <c>(c·m, 1, kh, kw)</c>, groups = c: output channel c·m + j.</summary>
    public static Tensor TorchWeight(Tensor kernel) =>
        kernel.permute(2, 3, 0, 1).reshape(kernel.shape[2] * kernel.shape[3], 1, kernel.shape[0], kernel.shape[1]);

    /// <summary>
    /// The backward pass of <see cref="OnPadded"/> without its bias: adds dL/dkernel (Keras' layout) into
    /// <paramref name="kernel"/>'s <c>.grad</c> and returns dL/dinputs in <paramref name="format"/>
    /// (unpadded, the shape of the layer's input), or null when <paramref name="inputGradient"/> is false.
    /// </summary>
    /// <param name="padded">The channels-first, padded input (<see cref="Padded"/>).</param>
    /// <param name="kernel">The Keras kernel <c>(kh, kw, c, m)</c>.</param>
    /// <param name="gradOutput">dL/d(convolution) channels first <c>(batch, c·m, h', w')</c>.</param>
    /// <param name="window">The layer's window.</param>
    /// <param name="spatial">The unpadded input's (height, width).</param>
    /// <param name="format">The layer's layout, that of the returned gradient.</param>
    /// <param name="inputGradient">Whether dL/dinputs is wanted.</param>
    public static Tensor? Backward(
        Tensor padded, TorchSharp.Modules.Parameter kernel, Tensor gradOutput, WindowSpec window, long[] spatial, DataFormat format, bool inputGradient)
    {
        long kh = kernel.shape[0], kw = kernel.shape[1], channels = kernel.shape[2], multiplier = kernel.shape[3];
        var (dx, dw) = ConvolutionGradients.Backward(
            padded, TorchWeight(kernel), gradOutput, window.Strides, window.Dilation, channels, inputGradient);
        // (c·m, 1, kh, kw) -> (c, m, kh, kw) -> Keras' (kh, kw, c, m).
        GradientBuffers.Accumulate(kernel, dw.reshape(channels, multiplier, kh, kw).permute(2, 3, 0, 1));
        return dx is null ? null : DataFormats.FromChannelsFirst(window.CropChannelsFirst(dx, spatial), format);
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
