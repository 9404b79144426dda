namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>compute_conv_output_shape</c> along one axis, shared by convolutions and pooling.
/// A known size gives a known size; an unknown one stays unknown; a named one keeps its name only
/// when the output provably equals it ("same" or "causal" with stride 1).
/// </summary>
internal static class WindowArithmetic
{
    /// <summary>The kernel's span once dilated: <c>d·(k − 1) + 1</c>.</summary>
    public static long Span(int kernel, int dilation) => ((long)dilation * (kernel - 1)) + 1;

    /// <summary>
    /// The output length for input <paramref name="length"/>; <see langword="null"/> when a known
    /// input is shorter than the window with padding valid (Keras' "negative output size").
    /// </summary>
    public static Dim? Output(Dim length, int kernel, int stride, int dilation, PaddingKind padding)
    {
        if (!length.IsKnown)
        {
            return padding != PaddingKind.Valid && stride == 1 ? length : Dim.Unknown;
        }

        var n = length.Size;
        if (padding != PaddingKind.Valid)
        {
            return Dim.Known(((n - 1) / stride) + 1);
        }

        var span = Span(kernel, dilation);
        return n < span ? null : Dim.Known(((n - span) / stride) + 1);
    }
}
