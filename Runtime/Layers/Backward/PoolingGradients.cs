using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Vector-Jacobian products of <see cref="PoolingOps"/> on channels-first tensors
/// <c>(batch, channels, *spatial)</c> with one or two spatial axes, "same" padding included.
/// </summary>
internal static class PoolingGradients
{
    /// <summary>
    /// Whether <see cref="Max"/> goes through autograd's native max-pool backward (a local graph of
    /// the pooling alone; the default) instead of the indices scatter, which stays for comparison.
    /// </summary>
    /// <remarks>
    /// Measured (float32, 2 threads, shared 2-core machine at load average 35-65, so noisy). The pools
    /// alone (26x26x32 -> 13x13 and 11x11x64 -> 5x5, batch 32 and 128, best of 5) were a draw: the
    /// scatter won four of six. But in the whole generated step of the sample CNN (Fit, batch 128,
    /// 512 samples, best of 2, three runs) autograd's kernel gave 140, 138 and 146 samples/s against
    /// the scatter's 108, 88 and 97: its gradient keeps the channels-last layout the convolution
    /// backward then reads, where the scatter's channels-first result costs conversions.
    /// <c>max_unpool2d</c> of the forward's indices (<c>Benchmarks backward-probe 128 3</c>, 2026-12-03, load
    /// average 25) lost by far: 26x26x32 pool 2,715 ms against autograd's 13 ms, 11x11x64 69 ms against 18 ms.
    /// </remarks>
    internal static bool MaxThroughAutograd { get; set; } = true;

    /// <summary>
    /// dL/dx of max pooling: each window's gradient goes to the cell that won it, summed where windows
    /// overlap (autograd's native kernel, or a scatter by the indices of <c>max_pool*_with_indices</c>).
    /// </summary>
    /// <param name="input">x, unpadded, channels first.</param>
    /// <param name="gradOutput">dL/dy, channels first.</param>
    /// <param name="window">The pooling window.</param>
    public static Tensor Max(Tensor input, Tensor gradOutput, WindowSpec window)
    {
        var padded = window.PadChannelsFirst(input, double.NegativeInfinity);
        Tensor gradient;
        if (MaxThroughAutograd)
        {
            using var grad = enable_grad();
            var x = padded.detach().requires_grad_(true);
            gradient = autograd.grad([PoolingOps.MaxValid(x, window)], [x], [gradOutput])[0];
        }
        else
        {
            var indices = window.Kernel.Length == 1
                ? nn.functional.max_pool1d_with_indices(padded, window.Kernel[0], window.Strides[0]).indices
                : nn.functional.max_pool2d_with_indices(padded, window.Kernel, window.Strides).indices;
            long n = padded.shape[0], c = padded.shape[1];
            gradient = zeros([n, c, padded.shape[2..].Aggregate(1L, (a, b) => a * b)], gradOutput.dtype)
                .scatter_add_(2, indices.reshape(n, c, -1), gradOutput.reshape(n, c, -1))
                .reshape(padded.shape);
        }

        return window.CropChannelsFirst(gradient, input.shape[2..]);
    }

    /// <summary>
    /// dL/dx of average pooling: libtorch's <c>avg_pool2d_backward</c> (1-D as height 1), after
    /// dividing by the fraction of real cells where "same" padding excluded padded ones.
    /// </summary>
    /// <param name="inputShape">x's shape, unpadded, channels first.</param>
    /// <param name="gradOutput">dL/dy, channels first.</param>
    /// <param name="window">The pooling window.</param>
    public static Tensor Average(long[] inputShape, Tensor gradOutput, WindowSpec window)
    {
        var spatial = inputShape[2..];
        var g = window.Padding == Padding.Valid ? gradOutput : gradOutput / PoolingOps.SameDivisor(spatial, gradOutput.dtype, window);
        var paddedSpatial = new long[spatial.Length];
        for (int axis = 0; axis < spatial.Length; axis++)
        {
            var (before, after) = ConvArithmetic.Pad(spatial[axis], window.Kernel[axis], window.Strides[axis], window.Dilation[axis], window.Padding);
            paddedSpatial[axis] = spatial[axis] + before + after;
        }

        bool oneD = spatial.Length == 1;
        long[] shape2D = oneD ? [inputShape[0], inputShape[1], 1, paddedSpatial[0]] : [inputShape[0], inputShape[1], .. paddedSpatial];
        // Only the original input's sizes matter to the kernel: a broadcast view of one cell stands in for it.
        var like = zeros([1, 1, 1, 1], g.dtype).expand(shape2D);
        var gradient = nn.functional.avg_pool2d_backward(
            oneD ? g.unsqueeze(2) : g, like,
            oneD ? [1, window.Kernel[0]] : window.Kernel,
            oneD ? [1, window.Strides[0]] : window.Strides,
            [0, 0]);
        return window.CropChannelsFirst(oneD ? gradient.squeeze(2) : gradient, spatial);
    }
}
