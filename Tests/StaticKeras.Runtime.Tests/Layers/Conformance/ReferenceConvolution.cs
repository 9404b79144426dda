using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// Channels-last convolution written without TorchSharp's conv kernels: explicit zero padding,
/// then one matrix product per kernel offset over strided slices of the padded input.
/// </summary>
public static class ReferenceConvolution
{
    /// <summary>Zero-pads the spatial axes of a (batch, height, width, channels) tensor.</summary>
    public static Tensor ZeroPad(Tensor x, long top, long bottom, long left, long right)
    {
        var padded = zeros(x.shape[0], x.shape[1] + top + bottom, x.shape[2] + left + right, x.shape[3], x.dtype);
        padded[TensorIndex.Colon, TensorIndex.Slice(top, top + x.shape[1]), TensorIndex.Slice(left, left + x.shape[2])] = x;
        return padded;
    }

    /// <summary>TensorFlow's "same" padding (before, after) for one axis.</summary>
    public static (long Before, long After) SamePad(long n, long k, long s, long d)
    {
        long output = (n + s - 1) / s;
        long total = System.Math.Max((output - 1) * s + (k - 1) * d + 1 - n, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>
    /// A valid convolution of an already padded (batch, height, width, channels) input with a
    /// Keras kernel (kh, kw, channels / groups, filters).
    /// </summary>
    public static Tensor Conv2D(Tensor padded, Tensor kernel, Tensor? bias, long[] strides, long[] dilation, long groups = 1)
    {
        long kh = kernel.shape[0], kw = kernel.shape[1], groupIn = kernel.shape[2], filters = kernel.shape[3];
        long outH = (padded.shape[1] - ((kh - 1) * dilation[0] + 1)) / strides[0] + 1;
        long outW = (padded.shape[2] - ((kw - 1) * dilation[1] + 1)) / strides[1] + 1;
        long groupOut = filters / groups;
        var y = zeros(padded.shape[0], outH, outW, filters, padded.dtype);
        for (long a = 0; a < kh; a++)
        {
            for (long b = 0; b < kw; b++)
            {
                var patch = padded[
                    TensorIndex.Colon,
                    TensorIndex.Slice(a * dilation[0], a * dilation[0] + (outH - 1) * strides[0] + 1, strides[0]),
                    TensorIndex.Slice(b * dilation[1], b * dilation[1] + (outW - 1) * strides[1] + 1, strides[1])];
                for (long g = 0; g < groups; g++)
                {
                    var inputs = patch[TensorIndex.Ellipsis, TensorIndex.Slice(g * groupIn, (g + 1) * groupIn)];
                    var weights = kernel[a, b, TensorIndex.Colon, TensorIndex.Slice(g * groupOut, (g + 1) * groupOut)];
                    y[TensorIndex.Ellipsis, TensorIndex.Slice(g * groupOut, (g + 1) * groupOut)] += inputs.matmul(weights);
                }
            }
        }

        return bias is null ? y : y + bias;
    }

    /// <summary>
    /// A Keras depthwise kernel <c>(kh, kw, channels, multiplier)</c> as the equivalent full Keras kernel
    /// <c>(kh, kw, channels, channels · multiplier)</c>: zero except <c>[:, :, c, c·multiplier + m] = kernel[:, :, c, m]</c>.
    /// </summary>
    public static Tensor DepthwiseAsFull(Tensor kernel)
    {
        long channels = kernel.shape[2], multiplier = kernel.shape[3];
        var full = zeros(kernel.shape[0], kernel.shape[1], channels, channels * multiplier, kernel.dtype);
        for (long c = 0; c < channels; c++)
        {
            for (long m = 0; m < multiplier; m++)
            {
                full[TensorIndex.Colon, TensorIndex.Colon, c, c * multiplier + m] = kernel[TensorIndex.Colon, TensorIndex.Colon, c, m];
            }
        }

        return full;
    }
}
