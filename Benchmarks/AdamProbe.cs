using System;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// <c>dotnet Benchmarks/bin/Release/net10.0/StaticKeras.Benchmarks.dll adam-probe [length] [rounds]</c>: one Adam
/// update of a float32 flat buffer (default the seed MLP's 101,770 weights), alternating in one process between
/// StaticKeras' <c>Adam.Step</c> (one SIMD pass on CPU, Optimizers/FusedCpuUpdate) and the six libtorch kernels
/// it replaced (<c>lerp_</c>, <c>mul_</c>, <c>addcmul_</c>, <c>sqrt</c>, <c>add_</c>, <c>addcdiv_</c>) on buffers of
/// the same length; best round of 500 updates each, microseconds per update.
/// </summary>
internal static class AdamProbe
{
    public static void Run(int length, int rounds)
    {
        using var noGrad = no_grad();
        var weight = new TorchSharp.Modules.Parameter(randn(length));
        var optimizer = new Optimizers.Adam();
        optimizer.Build([weight]);
        var gradient = randn(length);
        var (w, m, v) = (randn(length), zeros(length), zeros(length));
        using var lerpWeight = full([], 0.1f);
        using var beta2 = 0.999.ToScalar();
        using var rest = 0.001.ToScalar();
        using var epsilon = 1e-7.ToScalar();
        using var step = (-1e-3).ToScalar();
        double fused = double.MaxValue, kernels = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 500; i++)
            {
                weight.grad!.copy_(gradient);
                optimizer.Step();
            }

            var a = clock.Elapsed.TotalMilliseconds * 1000 / 500;
            clock.Restart();
            for (var i = 0; i < 500; i++)
            {
                using var scope = NewDisposeScope();
                m.lerp_(gradient, lerpWeight);
                v.mul_(beta2).addcmul_(gradient, gradient, rest);
                w.addcdiv_(m, v.sqrt().add_(epsilon), step);
            }

            var b = clock.Elapsed.TotalMilliseconds * 1000 / 500;
            if (round > 0)
            {
                (fused, kernels) = (Math.Min(fused, a), Math.Min(kernels, b));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Adam update of {length:N0} float32 weights: Adam.Step (one pass, a gradient copy included) {fused:F1} us, six libtorch kernels {kernels:F1} us, ratio {fused / kernels:F2}; torch threads {get_num_threads()}"));
    }
}
