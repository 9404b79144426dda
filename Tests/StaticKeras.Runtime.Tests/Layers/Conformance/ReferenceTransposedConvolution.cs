using System;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// TensorFlow's conv2d_transpose written as what it is, the adjoint of a convolution: every input
/// cell scatters <c>x @ kernel[a, b]^T</c> to output cell <c>i s + a d - pad_before</c>; cells past
/// the scattered region stay zero.
/// </summary>
public static class ReferenceTransposedConvolution
{
    /// <summary>Keras' deconv_output_length for one axis.</summary>
    public static long OutputLength(long n, long k, long s, long d, bool same, long? outputPadding)
    {
        long kernel = (k - 1) * d + 1;
        if (outputPadding is null)
        {
            return same ? n * s : n * s + Math.Max(kernel - s, 0);
        }

        return (n - 1) * s + kernel - 2 * (same ? kernel / 2 : 0) + outputPadding.Value;
    }

    /// <summary>
    /// The transposed convolution of x (batch, h, w, in) with a Keras kernel (kh, kw, filters, in),
    /// to output size (outH, outW); TensorFlow's pad_before is half the forward "same" padding.
    /// </summary>
    public static Tensor Conv2DTranspose(Tensor x, Tensor kernel, Tensor? bias, long[] s, long[] d, bool same, long outH, long outW)
    {
        long kh = kernel.shape[0], kw = kernel.shape[1];
        long top = same ? ForwardPad(outH, kh, s[0], d[0]) / 2 : 0;
        long left = same ? ForwardPad(outW, kw, s[1], d[1]) / 2 : 0;
        long h = x.shape[1], w = x.shape[2];
        // Scatter into a canvas large enough for every contribution, then cut the output window.
        long canvasH = top + outH + (h - 1) * s[0] + (kh - 1) * d[0] + 1;
        long canvasW = left + outW + (w - 1) * s[1] + (kw - 1) * d[1] + 1;
        var canvas = zeros(x.shape[0], canvasH, canvasW, kernel.shape[2], x.dtype);
        for (long a = 0; a < kh; a++)
        {
            for (long b = 0; b < kw; b++)
            {
                var contribution = x.matmul(kernel[a, b].t());
                canvas[
                    TensorIndex.Colon,
                    TensorIndex.Slice(a * d[0], a * d[0] + (h - 1) * s[0] + 1, s[0]),
                    TensorIndex.Slice(b * d[1], b * d[1] + (w - 1) * s[1] + 1, s[1])] += contribution;
            }
        }

        var y = canvas[TensorIndex.Colon, TensorIndex.Slice(top, top + outH), TensorIndex.Slice(left, left + outW)];
        return bias is null ? y : y + bias;
    }

    private static long ForwardPad(long length, long k, long s, long d) =>
        Math.Max(((length + s - 1) / s - 1) * s + (k - 1) * d + 1 - length, 0);
}
