using System;
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
}
