using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>Turns a batch of <see cref="LabeledImage"/>s into the tensors <c>Fit</c> takes.</summary>
public static class ImageBatch
{
    /// <summary>
    /// Stacks the images into float32 <c>(batch, rows, columns)</c>, or <c>(batch, rows, columns, channels)</c>
    /// when <paramref name="channelAxis"/> is set or the images have several channels (channels last, as Keras
    /// CNNs take them), multiplied by <paramref name="scale"/> (1/255 gives Keras' <c>x / 255.0</c> to float32 rounding: a product, not a quotient); labels as
    /// int64 <c>(batch,)</c>.
    /// </summary>
    /// <remarks>
    /// The pixels go straight into the new tensor's memory, converted and scaled on the way (each value
    /// is <c>(float)pixel * scale</c>, as torch's <c>to(float32).mul_(scale)</c> gives): one tensor
    /// allocation per batch and per label vector, no per-image tensor and no staging copy.
    /// </remarks>
    /// <exception cref="ArgumentException">The batch is empty or its images differ in size or channels.</exception>
    public static (Tensor X, Tensor Y) ToTensors(LabeledImage[] batch, float scale = 1 / 255f, bool channelAxis = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Length == 0)
        {
            throw new ArgumentException("ImageBatch.ToTensors needs at least one image; got an empty batch.", nameof(batch));
        }

        var first = batch[0];
        var size = first.Rows * first.Columns * first.Channels;
        for (var i = 0; i < batch.Length; i++)
        {
            var image = batch[i];
            if (image.Rows != first.Rows || image.Columns != first.Columns || image.Channels != first.Channels || image.Pixels.Length != size)
            {
                throw new ArgumentException(
                    $"image {i} of the batch is {Describe(image)} ({image.Pixels.Length} values); the first is {Describe(first)}: a batch needs one size.",
                    nameof(batch));
            }
        }

        long[] shape = channelAxis || first.Channels > 1 ? [batch.Length, first.Rows, first.Columns, first.Channels] : [batch.Length, first.Rows, first.Columns];
        var x = empty(shape, ScalarType.Float32);
        var y = empty([batch.Length], ScalarType.Int64);
        var pixels = MemoryMarshal.Cast<byte, float>(x.bytes);
        var labels = MemoryMarshal.Cast<byte, long>(y.bytes);
        for (var i = 0; i < batch.Length; i++)
        {
            Scale(batch[i].Pixels, pixels.Slice(i * size, size), scale);
            labels[i] = batch[i].Label;
        }

        return (x, y);
    }

    private static string Describe(LabeledImage image) =>
        image.Channels == 1 ? $"{image.Rows}x{image.Columns}" : $"{image.Rows}x{image.Columns}x{image.Channels}";

    // to[i] = from[i] * scale in float32, a vector at a time: bytes widened to 16, then 32 bits, converted, multiplied.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimized at the first call, not tiered up late: see FusedCpuUpdate.AdamRule.Run
    internal static void Scale(ReadOnlySpan<byte> from, Span<float> to, float scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<float>(scale);
            var width = Vector<float>.Count;
            for (; i <= from.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(from[i..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                (Vector.ConvertToSingle(a) * factor).CopyTo(to[i..]);
                (Vector.ConvertToSingle(b) * factor).CopyTo(to[(i + width)..]);
                (Vector.ConvertToSingle(c) * factor).CopyTo(to[(i + 2 * width)..]);
                (Vector.ConvertToSingle(d) * factor).CopyTo(to[(i + 3 * width)..]);
            }
        }

        for (; i < from.Length; i++)
        {
            to[i] = from[i] * scale;
        }
    }
}
