using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// Channels-last pooling computed window by window: each output cell reduces the real input cells
/// its window covers (TensorFlow's "same" windows start <c>pad_before</c> cells early and never
/// count padding).
/// </summary>
public static class ReferencePooling
{
    /// <summary>Pools x (batch, height, width, channels); max when <paramref name="max"/>, else mean.</summary>
    public static Tensor Pool2D(Tensor x, long[] k, long[] s, bool same, bool max)
    {
        var (outH, top) = Windows(x.shape[1], k[0], s[0], same);
        var (outW, left) = Windows(x.shape[2], k[1], s[1], same);
        var rows = new List<Tensor>();
        for (long i = 0; i < outH; i++)
        {
            var cells = new List<Tensor>();
            for (long j = 0; j < outW; j++)
            {
                long r0 = Math.Max(i * s[0] - top, 0), r1 = Math.Min(i * s[0] - top + k[0], x.shape[1]);
                long c0 = Math.Max(j * s[1] - left, 0), c1 = Math.Min(j * s[1] - left + k[1], x.shape[2]);
                var window = x[TensorIndex.Colon, TensorIndex.Slice(r0, r1), TensorIndex.Slice(c0, c1)];
                cells.Add(max ? window.amax([1, 2]) : window.mean([1, 2]));
            }

            rows.Add(stack(cells, 1));
        }

        return stack(rows, 1);
    }

    /// <summary>Pools x (batch, steps, channels) as a one-row image.</summary>
    public static Tensor Pool1D(Tensor x, long k, long s, bool same, bool max) =>
        Pool2D(x.unsqueeze(1), [1, k], [1, s], same, max).squeeze(1);

    private static (long Count, long Before) Windows(long n, long k, long s, bool same) =>
        same ? ((n + s - 1) / s, ReferenceConvolution.SamePad(n, k, s, 1).Before) : ((n - k) / s + 1, 0);
}
