namespace StaticKeras.Generator.Shapes;

/// <summary>A convolution's arguments as the shape rules need them, one entry per spatial axis (built on the fly from a declaration, never cached).</summary>
/// <param name="Filters">Output channels.</param>
/// <param name="Kernel">Window size per axis.</param>
/// <param name="Strides">Step per axis.</param>
/// <param name="Dilation">Dilation per axis.</param>
/// <param name="Padding">Valid, same or causal.</param>
/// <param name="Groups">Channel groups (1 for transposed convolutions).</param>
/// <param name="UseBias">Whether there is a bias.</param>
/// <param name="OutputPadding">Conv2DTranspose's output padding per axis, or <see langword="null"/>.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record ConvSpec(
    int Filters, int[] Kernel, int[] Strides, int[] Dilation, PaddingKind Padding, int Groups, bool UseBias, int[]? OutputPadding = null,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast);
