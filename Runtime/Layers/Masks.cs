using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' masks: a boolean tensor <c>(batch, steps)</c>, true for the steps to use. Layers that make
/// one (<see cref="Embedding"/> with <c>maskZero</c>, <see cref="Masking"/>) expose <c>ComputeMask</c>;
/// layers that use one (the recurrent layers, <see cref="GlobalAveragePooling1D"/>) take it as
/// <c>Call(inputs, mask)</c>. Generated models know at build time where masks go and pass them.
/// </summary>
public static class Masks
{
    /// <summary>The elementwise OR of <paramref name="masks"/>: the mask of a merge whose inputs all carry one (Keras' <c>Merge.compute_mask</c>).</summary>
    /// <exception cref="ArgumentException">No masks, or masks of different shapes.</exception>
    public static Tensor Or(params Tensor[] masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Length == 0)
        {
            throw new ArgumentException("Masks.Or needs at least one mask, found none.", nameof(masks));
        }

        var output = masks[0].to_type(ScalarType.Bool);
        foreach (var mask in masks.Skip(1))
        {
            if (!mask.shape.SequenceEqual(output.shape))
            {
                throw new ArgumentException(
                    $"Masks.Or: masks must have one shape, found {ShapeText.Of(output.shape)} and {ShapeText.Of(mask.shape)}.", nameof(masks));
            }

            output = output.logical_or(mask.to_type(ScalarType.Bool));
        }

        return output;
    }

    /// <summary>
    /// <paramref name="mask"/> as booleans after checking it matches the first <paramref name="axes"/>
    /// axes of <paramref name="inputs"/> (<c>(batch, steps)</c> for a sequence); Keras casts any mask to bool.
    /// </summary>
    internal static Tensor Check(string layer, Tensor inputs, Tensor mask, int axes = 2)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.dim() != axes || !mask.shape.SequenceEqual(inputs.shape.Take(axes)))
        {
            throw new ArgumentException(
                $"{layer}: the mask must have shape {ShapeText.Of(inputs.shape.Take(axes).ToArray())} (batch, steps) for inputs of shape " +
                $"{ShapeText.Of(inputs.shape)}, found {ShapeText.Of(mask.shape)}.",
                nameof(mask));
        }

        return mask.dtype == ScalarType.Bool ? mask : mask.ne(0);
    }
}
