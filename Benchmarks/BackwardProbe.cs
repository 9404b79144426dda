using System;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// <c>dotnet Benchmarks/bin/Release/net10.0/StaticKeras.Benchmarks.dll backward-probe [batch] [rounds]</c>: one
/// layer's forward and backward in a training step, two ways, alternating in one process: through
/// autograd on that layer alone (the forward recorded, then libtorch's native backward kernel) and
/// composed without a tape (a convolution's input gradient as <c>conv_transpose2d</c> of dL/dz, its
/// weight gradient as a <c>conv2d</c> over batch-as-channel views; max pooling's as <c>max_unpool2d</c>
/// of the indices its forward kept). The Sequential CNN's layers, channels last, float32. Prints the
/// best round's milliseconds per step of each; decides the backward table's entries for these layers.
/// </summary>
internal static class BackwardProbe
{
    public static void Run(int batch, int rounds)
    {
        using var noGrad = no_grad();
        random.manual_seed(1);
        Console.WriteLine($"// batch {batch}, {rounds} rounds of 20 steps, best kept; torch threads {get_num_threads()}");
        Conv("conv1 28x28x1 -> 32 (weights only)", batch, 28, 1, 32, inputGradient: false, rounds);
        Conv("conv2 13x13x32 -> 64", batch, 13, 32, 64, inputGradient: true, rounds);
        Pool("pool1 26x26x32", batch, 26, 32, rounds);
        Pool("pool2 11x11x64", batch, 11, 64, rounds);
    }

    private static void Conv(string title, int batch, int size, int channels, int filters, bool inputGradient, int rounds)
    {
        var conv = new Layers.Conv2D(filters, (3, 3), Activation.Relu);
        conv.Build(size, size, channels);
        var x = rand(batch, size, size, channels);
        var gy = rand(batch, size - 2, size - 2, filters);
        var autograd = Time(rounds, () =>
        {
            var output = Training.LayerGradients.Record(x, v => conv.Call(v), out var tracked);
            if (inputGradient)
            {
                Training.LayerGradients.Backward(output, gy, tracked);
            }
            else
            {
                Training.LayerGradients.BackwardWeights(output, gy);
            }
        });
        var composed = Time(rounds, () =>
        {
            var output = conv.Call(x);
            var gz = gy * (output > 0);
            var xc = x.permute(0, 3, 1, 2);
            var gzc = gz.permute(0, 3, 1, 2);
            var w = conv.Kernel.permute(3, 2, 0, 1);
            // dW (C, O, kh, kw) = conv2d(x as (C, N, H, W), dL/dz as (O, N, Ho, Wo))
            var dw = nn.functional.conv2d(xc.transpose(0, 1), gzc.transpose(0, 1)).transpose(0, 1);
            conv.Kernel.grad!.add_(dw.permute(2, 3, 1, 0));
            conv.Bias!.grad!.add_(gz.sum([0, 1, 2]));
            if (inputGradient)
            {
                _ = nn.functional.conv_transpose2d(gzc, w).permute(0, 2, 3, 1).contiguous();
            }
        });
        Print(title, autograd, composed);
        if (inputGradient)
        {
            var xc = x.permute(0, 3, 1, 2);
            var gzc = gy.permute(0, 3, 1, 2);
            var w = conv.Kernel.permute(3, 2, 0, 1);
            var weightsOnly = Time(rounds, () =>
            {
                var output = Training.LayerGradients.Record(x, v => conv.Call(v));
                Training.LayerGradients.BackwardWeights(output, gy);
            });
            var dwConv = Time(rounds, () => _ = nn.functional.conv2d(xc.transpose(0, 1), gzc.transpose(0, 1)));
            var dwConvContiguous = Time(rounds, () => _ = nn.functional.conv2d(xc.transpose(0, 1).contiguous(), gzc.transpose(0, 1).contiguous()));
            var dxConvT = Time(rounds, () => _ = nn.functional.conv_transpose2d(gzc, w));
            var dxConvTContiguous = Time(rounds, () => _ = nn.functional.conv_transpose2d(gzc.contiguous(), w.contiguous()));
            var forward = Time(rounds, () => _ = conv.Call(x));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  autograd weights only {weightsOnly:F2}; forward {forward:F2}; dW conv2d {dwConv:F2} (contiguous {dwConvContiguous:F2}); dX conv_transpose2d {dxConvT:F2} (contiguous {dxConvTContiguous:F2}) ms"));
        }
    }

    private static void Pool(string title, int batch, int size, int channels, int rounds)
    {
        var pool = new Layers.MaxPooling2D((2, 2));
        var x = rand(batch, size, size, channels);
        var half = size / 2;
        var gy = rand(batch, half, half, channels);
        var autograd = Time(rounds, () =>
        {
            var output = Training.LayerGradients.Record(x, v => pool.Call(v), out var tracked);
            Training.LayerGradients.Backward(output, gy, tracked);
        });
        var composed = Time(rounds, () =>
        {
            var xc = x.permute(0, 3, 1, 2);
            var (output, indices) = nn.functional.max_pool2d_with_indices(xc, [2, 2], [2, 2]);
            _ = output.permute(0, 2, 3, 1);
            var dx = nn.functional.max_unpool2d(gy.permute(0, 3, 1, 2), indices, [size, size]);
            _ = dx.permute(0, 2, 3, 1).contiguous();
        });
        Print(title, autograd, composed);
        var scatter = Time(rounds, () =>
        {
            var xc = x.permute(0, 3, 1, 2);
            var (output, indices) = nn.functional.max_pool2d_with_indices(xc, [2, 2], [2, 2]);
            _ = output.permute(0, 2, 3, 1);
            var dx = zeros([batch, channels, size * size]).scatter_add_(2, indices.reshape(batch, channels, -1), gy.permute(0, 3, 1, 2).reshape(batch, channels, -1));
            _ = dx.reshape(batch, channels, size, size).permute(0, 2, 3, 1).contiguous();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  scatter_add by indices {scatter:F2} ms"));
    }

    private static double Time(int rounds, Action step)
    {
        var best = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                using var scope = NewDisposeScope();
                step();
            }

            if (round > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds / 20);
            }
        }

        return best;
    }

    private static void Print(string title, double autograd, double composed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title,-38} autograd {autograd,7:F2} ms  composed {composed,7:F2} ms  composed/autograd {composed / autograd:F2}"));
}
