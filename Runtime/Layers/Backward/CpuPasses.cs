using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Small element-wise passes of a generated training step done in C# over the memory of contiguous
/// float32 or float64 CPU tensors, writing into a buffer the caller holds: no libtorch dispatch and no
/// new <see cref="Tensor"/> handle (each handle is a native allocation and a dispose-scope entry,
/// about as dear as the arithmetic for a batch of 32). Each method returns false, doing nothing, when a
/// tensor is on another device, of another dtype or not contiguous; the caller then takes the libtorch path.
/// </summary>
/// <remarks>
/// The arithmetic is libtorch's, operation for operation in the tensors' dtype (a multiply by the 0/1
/// mask for relu, <c>(g y)(1 - y)</c> for sigmoid, <c>g (1 - y²)</c> for tanh), so the results are the same
/// bits as the kernels'; column sums add in the tensors' dtype row by row, as libtorch's reduction over the
/// first axis of a contiguous matrix does, up to the grouping of its vector lanes (float round-off).
/// </remarks>
internal static class CpuPasses
{
    /// <summary>Whether <paramref name="tensor"/> is a contiguous CPU tensor of <paramref name="dtype"/>.</summary>
    public static bool Fits(Tensor tensor, ScalarType dtype) =>
        tensor.device_type == DeviceType.CPU && tensor.dtype == dtype && tensor.is_contiguous();

    /// <summary>Whether <paramref name="tensor"/> is a contiguous float32 or float64 CPU tensor.</summary>
    public static bool FitsFloat(Tensor tensor) =>
        tensor.device_type == DeviceType.CPU && tensor.dtype is ScalarType.Float32 or ScalarType.Float64 && tensor.is_contiguous();

    /// <summary>The address of a tensor's first element (<c>at::Tensor::data_ptr</c>), without a new handle.</summary>
    public static IntPtr Data(Tensor tensor) => NativeMethods.THSTensor_data(tensor.Handle);

    /// <summary>
    /// dL/dinput of <paramref name="activation"/> (relu, sigmoid or tanh, from its output) written into
    /// <paramref name="into"/>; false for other activations or tensors this pass does not take.
    /// </summary>
    public static unsafe bool ActivationBackward(Tensor gradOutput, Tensor output, Activation activation, Tensor into)
    {
        if (activation is not (Activation.Relu or Activation.Sigmoid or Activation.Tanh)
            || !FitsFloat(gradOutput) || !Fits(output, gradOutput.dtype) || !Fits(into, gradOutput.dtype))
        {
            return false;
        }

        var n = gradOutput.numel();
        if (output.numel() != n || into.numel() != n)
        {
            return false;
        }

        if (gradOutput.dtype == ScalarType.Float32)
        {
            ActivationPass<float>((float*)Data(gradOutput), (float*)Data(output), (float*)Data(into), n, activation);
        }
        else
        {
            ActivationPass<double>((double*)Data(gradOutput), (double*)Data(output), (double*)Data(into), n, activation);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimized at the first call, not tiered up late: see FusedCpuUpdate.AdamRule.Run
    private static unsafe void ActivationPass<T>(T* g, T* y, T* d, long n, Activation activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0L;
        var width = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<T>.One;
            var zero = Vector<T>.Zero;
            for (; i + width <= n; i += width)
            {
                var gv = Vector.Load(g + i);
                var yv = Vector.Load(y + i);
                var dv = activation switch
                {
                    StaticKeras.Activation.Relu => gv * Vector.ConditionalSelect(Vector.GreaterThan(yv, zero), one, zero),   // g * (y > 0)
                    StaticKeras.Activation.Sigmoid => gv * yv * (-yv + one),                                                  // (g y)(1 - y)
                    _ => gv * (-(yv * yv) + one),                                                                       // g (1 - y²)
                };
                dv.Store(d + i);
            }
        }

        for (; i < n; i++)
        {
            d[i] = activation switch
            {
                StaticKeras.Activation.Relu => g[i] * (y[i] > T.Zero ? T.One : T.Zero),
                StaticKeras.Activation.Sigmoid => g[i] * y[i] * (-y[i] + T.One),
                _ => g[i] * (-(y[i] * y[i]) + T.One),
            };
        }
    }

    /// <summary>
    /// Adds the column sums of <paramref name="matrix"/> <c>(rows, columns)</c> into <paramref name="target"/>
    /// <c>(columns,)</c> in place (a bias gradient); false for tensors this pass does not take.
    /// </summary>
    public static unsafe bool AddColumnSums(Tensor matrix, Tensor target)
    {
        if (matrix.dim() != 2 || !FitsFloat(matrix) || !Fits(target, matrix.dtype) || target.numel() != matrix.size(1))
        {
            return false;
        }

        var (rows, columns) = (matrix.size(0), matrix.size(1));
        if (matrix.dtype == ScalarType.Float32)
        {
            ColumnSums<float>((float*)Data(matrix), (float*)Data(target), rows, columns);
        }
        else
        {
            ColumnSums<double>((double*)Data(matrix), (double*)Data(target), rows, columns);
        }

        return true;
    }

    // target[c] += sum over r of m[r, c]: the sum first (from zero, row by row), then added, as
    // sum(dim: 0) followed by add_ computes it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimized at the first call, not tiered up late: see FusedCpuUpdate.AdamRule.Run
    private static unsafe void ColumnSums<T>(T* m, T* target, long rows, long columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Stack = 256;
        var width = Vector<T>.Count;
        var sums = stackalloc T[Stack];
        for (var start = 0L; start < columns; start += Stack)
        {
            var count = (int)Math.Min(Stack, columns - start);
            new Span<T>(sums, count).Clear();
            for (var r = 0L; r < rows; r++)
            {
                var row = m + r * columns + start;
                var c = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    for (; c + width <= count; c += width)
                    {
                        (Vector.Load(sums + c) + Vector.Load(row + c)).Store(sums + c);
                    }
                }

                for (; c < count; c++)
                {
                    sums[c] += row[c];
                }
            }

            for (var c = 0; c < count; c++)
            {
                target[start + c] += sums[c];
            }
        }
    }

    private static class NativeMethods
    {
        // TorchSharp binds the same export internally; TorchSharp has loaded the library by the time a tensor exists.
        [DllImport("LibTorchSharp")]
        public static extern IntPtr THSTensor_data(IntPtr handle);
    }
}
