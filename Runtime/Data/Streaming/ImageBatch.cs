using System;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>Turns a batch of <see cref="LabeledImage"/>s into the tensors <c>Fit</c> takes.</summary>
public static class ImageBatch
{
    /// <summary>
    /// Stacks the images into float32 <c>(batch, rows, columns)</c>, or <c>(batch, rows, columns, 1)</c>
    /// with <paramref name="channelAxis"/> as Keras CNNs take them, multiplied by <paramref name="scale"/>
    /// (1/255 gives Keras' <c>x / 255.0</c>); labels as int64 <c>(batch,)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty or its images differ in size.</exception>
    public static (Tensor X, Tensor Y) ToTensors(LabeledImage[] batch, float scale = 1 / 255f, bool channelAxis = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Length == 0)
        {
            throw new ArgumentException("ImageBatch.ToTensors needs at least one image; got an empty batch.", nameof(batch));
        }

        var (rows, columns) = (batch[0].Rows, batch[0].Columns);
        // The bytes as they are, converted and scaled by torch: one small array per batch (no
        // large-object-heap churn, which would make the collector run all through training).
        var pixels = new byte[batch.Length * rows * columns];
        var labels = new long[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var image = batch[i];
            if (image.Rows != rows || image.Columns != columns || image.Pixels.Length != rows * columns)
            {
                throw new ArgumentException(
                    $"image {i} of the batch is {image.Rows}x{image.Columns} ({image.Pixels.Length} pixels); the first is {rows}x{columns}: a batch needs one size.", nameof(batch));
            }

            image.Pixels.CopyTo(pixels, i * rows * columns);
            labels[i] = image.Label;
        }

        long[] shape = channelAxis ? [batch.Length, rows, columns, 1] : [batch.Length, rows, columns];
        using var bytes = tensor(pixels, shape);
        using var factor = scale.ToScalar();   // held for the call, not a temporary TorchSharp could finalize mid-call (see Adam.UpdateStep)
        return (bytes.to_type(ScalarType.Float32).mul_(factor), tensor(labels, [batch.Length]));
    }
}
