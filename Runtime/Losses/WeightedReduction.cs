using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// Keras' weighted <c>sum_over_batch_size</c> reduction (<c>keras.losses.loss.reduce_weighted_values</c>):
/// per-sample loss values times their sample's weight, summed, divided by the number of values,
/// not by the sum of the weights. A weight of shape <c>(batch,)</c> broadcasts over the values' trailing axes.
/// </summary>
internal static class WeightedReduction
{
    public static Tensor SumOverBatchSize(Tensor values, Tensor sampleWeight, string loss)
    {
        if (values.dim() == 0 || sampleWeight.dim() != 1 || sampleWeight.shape[0] != values.shape[0])
        {
            throw new ArgumentException(
                $"{loss} got sample weights of shape {ShapeText.Of(sampleWeight.shape)} for per-sample losses of shape " +
                $"{ShapeText.Of(values.shape)}: expected one weight per sample, shape ({(values.dim() == 0 ? "batch" : values.shape[0].ToString())},).",
                nameof(sampleWeight));
        }

        var weight = sampleWeight.dtype == values.dtype ? sampleWeight : sampleWeight.to_type(values.dtype);
        var broadcast = new long[values.dim()];
        Array.Fill(broadcast, 1L);
        broadcast[0] = values.shape[0];
        return (values * weight.reshape(broadcast)).sum() / values.numel();
    }

    /// <summary>
    /// Keras' reduction of a masked output (<c>keras.losses.loss.apply_mask</c>, <c>sum_over_batch_size</c>): each
    /// unmasked value weighs <c>total / valid</c> and each masked one 0, so the loss is the sum of the unmasked values
    /// (times their sample's weight) divided by the number of unmasked values; 0 when every value is masked.
    /// </summary>
    public static Tensor Masked(Tensor values, Tensor? sampleWeight, Tensor mask, string loss)
    {
        if (!mask.shape.SequenceEqual(values.shape))
        {
            throw new ArgumentException(
                $"{loss} got a mask of shape {ShapeText.Of(mask.shape)} for per-step losses of shape {ShapeText.Of(values.shape)}: expected the same shape.",
                nameof(mask));
        }

        var weight = mask.to_type(values.dtype);
        var weighted = values * weight;
        if (sampleWeight is not null)
        {
            weighted = weighted * Broadcast(values, sampleWeight, loss);
        }

        // Keras' divide_no_nan(total, valid): a batch with every step masked has weight 0 everywhere. The count is
        // a whole number, so clamping it to 1 changes nothing else and keeps the gradient finite.
        return weighted.sum() / weight.sum().clamp_min(1);
    }

    private static Tensor Broadcast(Tensor values, Tensor sampleWeight, string loss)
    {
        if (sampleWeight.dim() != 1 || sampleWeight.shape[0] != values.shape[0])
        {
            throw new ArgumentException(
                $"{loss} got sample weights of shape {ShapeText.Of(sampleWeight.shape)} for per-step losses of shape {ShapeText.Of(values.shape)}: expected one weight per sample.",
                nameof(sampleWeight));
        }

        var broadcast = new long[values.dim()];
        Array.Fill(broadcast, 1L);
        broadcast[0] = values.shape[0];
        return (sampleWeight.dtype == values.dtype ? sampleWeight : sampleWeight.to_type(values.dtype)).reshape(broadcast);
    }
}
