using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The sliding-window arguments shared by convolution and pooling layers (kernel or pool size,
/// strides, dilation, padding), validated as Keras does, and the explicit padding that turns
/// Keras' "same"/"causal" into a "valid" TorchSharp kernel call.
/// </summary>
internal sealed class WindowSpec
{
    private WindowSpec(string layer, long[] kernel, long[] strides, long[] dilation, Padding padding)
    {
        Layer = layer;
        Kernel = kernel;
        Strides = strides;
        Dilation = dilation;
        Padding = padding;
    }

    /// <summary>The layer type name used in messages.</summary>
    public string Layer { get; }

    /// <summary>The window size per spatial axis.</summary>
    public long[] Kernel { get; }

    /// <summary>The step per spatial axis.</summary>
    public long[] Strides { get; }

    /// <summary>The dilation per spatial axis.</summary>
    public long[] Dilation { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding { get; }

    /// <summary>Validates the arguments and creates the spec.</summary>
    /// <param name="layer">The layer type name.</param>
    /// <param name="kernelArgument">The argument name of the window size (kernelSize or poolSize).</param>
    /// <param name="kernel">Window size per spatial axis.</param>
    /// <param name="strides">Step per spatial axis.</param>
    /// <param name="dilation">Dilation per spatial axis.</param>
    /// <param name="padding">The padding mode.</param>
    /// <param name="allowCausal">True only for Conv1D.</param>
    /// <param name="allowStridesWithDilation">
    /// True for the depthwise convolutions, which Keras 3 runs with strides and dilation above 1 together
    /// (its other convolutions reject the pair).
    /// </param>
    public static WindowSpec Create(
        string layer, string kernelArgument, long[] kernel, long[] strides, long[] dilation, Padding padding, bool allowCausal,
        bool allowStridesWithDilation = false)
    {
        foreach (long k in kernel)
        {
            LayerChecks.Positive(layer, kernelArgument, k);
        }

        foreach (long s in strides)
        {
            LayerChecks.Positive(layer, "strides", s);
        }

        foreach (long d in dilation)
        {
            LayerChecks.Positive(layer, "dilationRate", d);
        }

        if (!Enum.IsDefined(padding) || (padding == Padding.Causal && !allowCausal))
        {
            throw new ArgumentException(
                $"{layer}: padding must be {(allowCausal ? "Valid, Same or Causal" : "Valid or Same")}, found {padding}.",
                nameof(padding));
        }

        if (!allowStridesWithDilation)
        {
            ConvArithmetic.StridesWithDilation(
                layer, Tuple(strides), Tuple(dilation), strides.Any(s => s > 1), dilation.Any(d => d > 1));
        }

        return new WindowSpec(layer, kernel, strides, dilation, padding);
    }

    /// <summary>Throws when a known spatial size of <paramref name="inputShape"/> (batch excluded, channels last) is too small for the window.</summary>
    public void CheckSpatial(long[] inputShape)
    {
        string described = LayerChecks.Describe(inputShape);
        for (int axis = 0; axis < Kernel.Length; axis++)
        {
            ConvArithmetic.FitsWindow(
                Layer, AxisName(axis), inputShape[axis], Kernel[axis], Strides[axis], Dilation[axis], Padding, described);
        }
    }

    /// <summary>
    /// Pads a channels-first tensor <c>(batch, channels, *spatial)</c> as <see cref="Padding"/> asks,
    /// with <paramref name="value"/> (zero for convolutions, -inf for max pooling).
    /// </summary>
    public Tensor PadChannelsFirst(Tensor x, double value = 0.0)
    {
        if (Padding == Padding.Valid)
        {
            return x;
        }

        // TorchSharp's pad lists (before, after) pairs starting from the last axis.
        var pads = new long[2 * Kernel.Length];
        for (int axis = 0; axis < Kernel.Length; axis++)
        {
            long length = x.shape[2 + axis];
            var (before, after) = ConvArithmetic.Pad(length, Kernel[axis], Strides[axis], Dilation[axis], Padding);
            int slot = 2 * (Kernel.Length - 1 - axis);
            pads[slot] = before;
            pads[slot + 1] = after;
        }

        return pads.All(p => p == 0) ? x : nn.functional.pad(x, pads, value: value);
    }

    /// <summary>
    /// The inverse of <see cref="PadChannelsFirst"/> for gradients: drops the padded cells of a
    /// channels-first tensor whose unpadded spatial sizes were <paramref name="spatial"/>.
    /// </summary>
    public Tensor CropChannelsFirst(Tensor padded, long[] spatial)
    {
        if (Padding == Padding.Valid)
        {
            return padded;
        }

        var pads = new long[2 * Kernel.Length];
        for (int axis = 0; axis < Kernel.Length; axis++)
        {
            var (before, after) = ConvArithmetic.Pad(spatial[axis], Kernel[axis], Strides[axis], Dilation[axis], Padding);
            int slot = 2 * (Kernel.Length - 1 - axis);
            pads[slot] = -before;
            pads[slot + 1] = -after;
        }

        return pads.All(p => p == 0) ? padded : nn.functional.pad(padded, pads);
    }

    private string AxisName(int axis) => Kernel.Length == 1 ? "steps" : axis == 0 ? "height" : "width";

    private static string Tuple(long[] values) =>
        values.Length == 1 ? values[0].ToString() : "(" + string.Join(", ", values) + ")";
}
