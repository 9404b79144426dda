using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Max and average pooling of channels-first tensors <c>(batch, channels, *spatial)</c> with one or
/// two spatial axes, padding made explicit as Keras' "same" needs it.
/// </summary>
internal static class PoolingOps
{
    /// <summary>Max over each window; "same" pads with -inf so padded cells never win.</summary>
    public static Tensor Max(Tensor x, WindowSpec window)
    {
        return MaxValid(window.PadChannelsFirst(x, double.NegativeInfinity), window);
    }

    /// <summary>Max over each window of an already padded tensor.</summary>
    public static Tensor MaxValid(Tensor padded, WindowSpec window) =>
        window.Kernel.Length == 1
            ? nn.functional.max_pool1d(padded, window.Kernel[0], window.Strides[0])
            : nn.functional.max_pool2d(padded, window.Kernel, window.Strides);

    /// <summary>
    /// Mean over each window. "same" excludes padded cells from the divisor (Keras, TensorFlow):
    /// the zero-padded window mean is divided by the mean of a padded mask of ones, which is the
    /// fraction of real cells in the window.
    /// </summary>
    public static Tensor Average(Tensor x, WindowSpec window)
    {
        var averaged = Mean(window.PadChannelsFirst(x), window);
        if (window.Padding == Padding.Valid)
        {
            return averaged;
        }

        return averaged / SameDivisor(x.shape[2..], x.dtype, window);
    }

    /// <summary>
    /// The fraction of real (unpadded) cells in each window of a "same"-padded average pooling over
    /// spatial sizes <paramref name="spatial"/>: <c>(1, 1, *output)</c>.
    /// </summary>
    public static Tensor SameDivisor(long[] spatial, ScalarType dtype, WindowSpec window)
    {
        var mask = ones(spatial, dtype).reshape([1, 1, .. spatial]);
        return Mean(window.PadChannelsFirst(mask), window);
    }

    private static Tensor Mean(Tensor padded, WindowSpec window) =>
        window.Kernel.Length == 1
            ? nn.functional.avg_pool1d(padded, window.Kernel[0], window.Strides[0])
            : nn.functional.avg_pool2d(padded, window.Kernel, window.Strides);
}
