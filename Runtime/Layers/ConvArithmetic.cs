using System;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' window arithmetic along one spatial axis for convolution and pooling, with TensorFlow's
/// "same" padding made explicit so the layers can pad and then run a "valid" TorchSharp kernel.
/// </summary>
internal static class ConvArithmetic
{
    /// <summary>The span a dilated window covers: <c>(k - 1) d + 1</c>.</summary>
    public static long EffectiveSize(long kernel, long dilation) => (kernel - 1) * dilation + 1;

    /// <summary>
    /// Zeros to add (before, after) along an axis of length <paramref name="length"/>: none for
    /// "valid"; TensorFlow's split for "same" (total <c>max((ceil(n/s) - 1) s + (k - 1) d + 1 - n, 0)</c>,
    /// the odd cell after); <c>(k - 1) d</c> before for "causal".
    /// </summary>
    public static (long Before, long After) Pad(long length, long kernel, long stride, long dilation, Padding padding)
    {
        switch (padding)
        {
            case Padding.Valid:
                return (0, 0);
            case Padding.Causal:
                return (EffectiveSize(kernel, dilation) - 1, 0);
            case Padding.Same:
                long output = (length + stride - 1) / stride;
                long total = Math.Max((output - 1) * stride + EffectiveSize(kernel, dilation) - length, 0);
                return (total / 2, total - total / 2);
            default:
                throw new ArgumentOutOfRangeException(nameof(padding), padding, "unknown padding");
        }
    }

    /// <summary>
    /// The output length Keras computes: "valid" <c>floor((n - (k - 1) d - 1) / s) + 1</c>,
    /// "same" <c>ceil(n / s)</c>, "causal" like "same" with stride (<c>ceil(n / s)</c>).
    /// May be zero or negative for "valid" when the window is larger than the input.
    /// </summary>
    public static long OutputLength(long length, long kernel, long stride, long dilation, Padding padding) => padding switch
    {
        Padding.Valid => FloorDiv(length - EffectiveSize(kernel, dilation), stride) + 1,
        _ => (length + stride - 1) / stride,
    };

    /// <summary>Throws when Keras rejects the combination: strides above 1 together with dilation above 1.</summary>
    public static void StridesWithDilation(string layer, string strides, string dilationRate, bool stridesAboveOne, bool dilationAboveOne)
    {
        if (stridesAboveOne && dilationAboveOne)
        {
            throw new ArgumentException(
                $"{layer}: strides > 1 together with dilationRate > 1 is not supported (as in Keras), " +
                $"found strides={strides}, dilationRate={dilationRate}.");
        }
    }

    /// <summary>Throws when a known spatial length is too short for a "valid" window.</summary>
    public static void FitsWindow(string layer, string axisName, long length, long kernel, long stride, long dilation, Padding padding, string inputShape)
    {
        if (length >= 0 && OutputLength(length, kernel, stride, dilation, padding) < 1)
        {
            throw new ArgumentException(
                $"{layer}: the window spans {EffectiveSize(kernel, dilation)} along {axisName} " +
                $"(size {kernel}, dilation {dilation}) but the input has {length}: input shape {inputShape} " +
                "is too small for padding \"valid\".");
        }
    }

    private static long FloorDiv(long a, long b) => (long)Math.Floor((double)a / b);
}
