using static TorchSharp.torch;

namespace StaticKeras.Inference;

/// <summary>Reads a tensor's shape with the fewest costs per call.</summary>
internal static class TensorShape
{
    /// <summary>
    /// <paramref name="tensor"/>'s shape, read one size at a time: TorchSharp's <c>shape</c> property
    /// marshals an allocator callback and costs more than a small batch's reshape, which shows in
    /// per-request latency.
    /// </summary>
    public static long[] Of(Tensor tensor)
    {
        var shape = new long[tensor.dim()];
        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = tensor.size(i);
        }

        return shape;
    }
}
