using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Optimizer rules as one pass over the memory of contiguous float32 CPU buffers (the fused flat
/// buffers of <see cref="FlatWeightGroup"/>), instead of one libtorch kernel per arithmetic step.
/// </summary>
/// <remarks>
/// Adam's rule through libtorch is six kernels (<c>lerp_</c>, <c>mul_</c>, <c>addcmul_</c>, <c>sqrt</c>,
/// <c>add_</c>, <c>addcdiv_</c>), each a dispatch, a pass over the buffers and, for more than 32,768
/// elements, an OpenMP fork and join; one of them allocates. For the seed MLP (101,770 weights) at batch
/// 32 they were 35 % of a generated training step (dotnet-trace, 2026-12-03). The pass here reads the
/// gradient, both moments and the weight once and writes each once, with the same arithmetic in the same
/// order as those kernels (lerp as a fused multiply-add below weight 0.5, as ATen's vectorized lerp), so
/// results equal libtorch's to float32 round-off. Buffers of a million elements or more are split over
/// the thread pool. The profiles ran at load average 45-75, where the kernels' OpenMP forks wait for a busy
/// core; an alternating A/B of the update alone (<c>Benchmarks adam-probe</c>) on a quiet machine
/// (2026-12-03, load 2-3) took 1.01x the kernels' time: no faster alone, kept for the fewer kernels and
/// tensors per step (README, issue 10).
/// </remarks>
internal static class FusedCpuUpdate
{
    private const int ParallelThreshold = 1 << 20;
    private const int Chunk = 1 << 18;

    /// <summary>Whether every tensor is a contiguous float32 CPU tensor of <paramref name="first"/>'s length.</summary>
    public static bool Applies(Tensor first, params ReadOnlySpan<Tensor> others)
    {
        if (!Fits(first, first.numel()))
        {
            return false;
        }

        foreach (var other in others)
        {
            if (!Fits(other, first.numel()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Keras' Adam on float32 buffers: <c>m += (g - m)(1 - b1)</c>; <c>v = b2 v + (1 - b2) g²</c>;
    /// <c>w += step · m / (√v + ε)</c> with <c>step = -alpha</c>.
    /// </summary>
    public static unsafe void Adam(Tensor gradient, Tensor variable, Tensor m, Tensor v, double oneMinusBeta1, double beta2, double epsilon, double step)
    {
        var n = gradient.numel();
        var (gi, wi, mi, vi) = (Data(gradient), Data(variable), Data(m), Data(v));
        var rule = new AdamRule((float)oneMinusBeta1, (float)beta2, (float)(1 - beta2), (float)epsilon, (float)step);
        if (n < ParallelThreshold)
        {
            rule.Run((float*)gi, (float*)wi, (float*)mi, (float*)vi, 0, n);
            return;
        }

        Parallel.For(0, (n + Chunk - 1) / Chunk, c =>
            rule.Run((float*)gi, (float*)wi, (float*)mi, (float*)vi, c * Chunk, Math.Min(n, (c + 1) * Chunk)));
    }

    private readonly struct AdamRule(float oneMinusBeta1, float beta2, float oneMinusBeta2, float epsilon, float step)
    {
        // Jitted fully optimized at the first call instead of tiering up from unoptimized code: with LibTorch's
        // threads keeping both cores busy, the background tier-up of this loop came late or not at all, and the
        // MLP's batch-32 step ran at 38,000-40,000 samples/s in some processes and 96,000 in others (step-report;
        // DOTNET_TC_QuickJitForLoops=0 made every run fast). The same holds for every hot C# loop of a step.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void Run(float* g, float* w, float* m, float* v, long start, long end)
        {
            var i = start;
            var width = Vector<float>.Count;
            if (Vector.IsHardwareAccelerated)
            {
                var b1 = new Vector<float>(oneMinusBeta1);
                var b2 = new Vector<float>(beta2);
                var rest2 = new Vector<float>(oneMinusBeta2);
                var eps = new Vector<float>(epsilon);
                var alpha = new Vector<float>(step);
                for (; i + width <= end; i += width)
                {
                    var gv = Vector.Load(g + i);
                    var mv = Vector.Load(m + i);
                    mv = Vector.FusedMultiplyAdd(b1, gv - mv, mv);          // lerp_(g, 1 - b1)
                    var vv = Vector.Load(v + i) * b2 + rest2 * gv * gv;       // mul_(b2).addcmul_(g, g, 1 - b2)
                    var denominator = Vector.SquareRoot(vv) + eps;            // sqrt().add_(eps)
                    var wv = Vector.Load(w + i) + alpha * mv / denominator;   // addcdiv_(m, denominator, step)
                    mv.Store(m + i);
                    vv.Store(v + i);
                    wv.Store(w + i);
                }
            }

            for (; i < end; i++)
            {
                var gs = g[i];
                var ms = MathF.FusedMultiplyAdd(oneMinusBeta1, gs - m[i], m[i]);
                var vs = v[i] * beta2 + oneMinusBeta2 * gs * gs;
                m[i] = ms;
                v[i] = vs;
                w[i] += step * ms / (MathF.Sqrt(vs) + epsilon);
            }
        }
    }

    /// <summary>
    /// Zeroes a contiguous CPU tensor's memory in place (zero bits are zero in every dtype) (a <c>memset</c> on the calling thread, instead of
    /// <c>zero_</c>'s dispatch and, past 32,768 elements, OpenMP fork); false, doing nothing, for any other tensor.
    /// </summary>
    public static unsafe bool Clear(Tensor tensor)
    {
        if (tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
        {
            return false;
        }

        NativeMemory.Clear((void*)Data(tensor), (nuint)(tensor.numel() * tensor.ElementSize));
        return true;
    }

    private static bool Fits(Tensor tensor, long length) =>
        tensor.device_type == DeviceType.CPU && tensor.dtype == ScalarType.Float32 && tensor.is_contiguous() && tensor.numel() == length;

    private static IntPtr Data(Tensor tensor) => NativeMethods.THSTensor_data(tensor.Handle);

    private static class NativeMethods
    {
        [DllImport("LibTorchSharp")]
        public static extern IntPtr THSTensor_data(IntPtr handle);
    }
}
