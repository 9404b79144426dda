using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Inference;

/// <summary>The tensors <c>Predict</c> writes every batch's outputs into.</summary>
internal static class PredictionBuffers
{
    /// <summary>
    /// One tensor per output with room for <paramref name="samples"/> rows, shaped, typed and placed
    /// like the first batch's <paramref name="results"/>. They are ordinary tensors even inside
    /// inference mode, so the caller may later use them with autograd (as training targets, say).
    /// </summary>
    public static Tensor[] Allocate(Tensor[] results, long samples)
    {
        using var normal = inference_mode(false);
        var buffers = new Tensor[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var shape = TensorShape.Of(results[i]);
            shape[0] = samples;
            buffers[i] = empty(shape, results[i].dtype, results[i].device).MoveToOuterDisposeScope();
        }

        return buffers;
    }

    /// <summary>
    /// Writes one batch's <paramref name="result"/> into rows <paramref name="start"/> to
    /// <paramref name="start"/> + <paramref name="length"/> of <paramref name="output"/>. On the CPU,
    /// with both contiguous and of one dtype, it is a memory copy: no view and no libtorch kernel per
    /// batch (they cost more than the copy itself for small batches). Never aliases the inputs, even
    /// for a model whose forward pass returns its input.
    /// </summary>
    public static void Write(Tensor output, long start, long length, Tensor result)
    {
        if (result.device_type == DeviceType.CPU && output.device_type == DeviceType.CPU && result.dtype == output.dtype
            && result.is_contiguous() && output.is_contiguous() && output.numel() * output.ElementSize <= int.MaxValue)
        {
            var bytes = output.bytes;
            var row = bytes.Length / output.size(0);
            var source = result.bytes;
            if (source.Length == row * length)
            {
                source.CopyTo(bytes.Slice(checked((int)(start * row)), source.Length));
                return;
            }
        }

        output.narrow(0, start, length).copy_(result);
    }

    /// <summary>
    /// Copies of <paramref name="results"/>, ordinary tensors outside the current dispose scope: one
    /// batch of a dataset whose length is unknown until read. Never the inputs themselves, even for a
    /// model whose forward pass returns its input.
    /// </summary>
    public static Tensor[] Copy(Tensor[] results)
    {
        using var normal = inference_mode(false);
        var copies = new Tensor[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            copies[i] = results[i].clone().MoveToOuterDisposeScope();
        }

        return copies;
    }

    /// <summary>
    /// Each output's batches joined along the batch axis, as ordinary tensors in the current dispose
    /// scope: the answer when the number of samples was unknown until read (a dataset).
    /// </summary>
    public static Tensor[] Join(List<Tensor[]> parts)
    {
        using var normal = inference_mode(false);
        var joined = new Tensor[parts[0].Length];
        for (var i = 0; i < joined.Length; i++)
        {
            joined[i] = parts.Count == 1 ? parts[0][i].alias() : cat(parts.ConvertAll(p => p[i]), 0);
        }

        return joined;
    }
}
