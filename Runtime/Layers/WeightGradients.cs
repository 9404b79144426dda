using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The gradient buffers explicit <c>Backward</c> kernels accumulate into: each trainable weight's
/// <c>.grad</c>, which <c>Model.ZeroGradients</c> creates (or zeroes) before a generated backward pass.
/// </summary>
public static class WeightGradients
{
    /// <summary>The <c>.grad</c> buffer of <paramref name="weight"/>, to add a gradient into in place.</summary>
    /// <param name="weight">A trainable weight.</param>
    /// <param name="layer">The layer, for the message.</param>
    /// <exception cref="InvalidOperationException">The weight has no gradient buffer.</exception>
    public static Tensor Of(Parameter weight, string layer)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return weight.grad ?? throw new InvalidOperationException(
            $"{layer}: the weight of shape {ShapeText.Of(weight.shape)} has no gradient buffer; a generated training step calls ZeroGradients() before its backward pass.");
    }
}
