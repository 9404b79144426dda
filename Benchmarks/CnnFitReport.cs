using System;
using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// <c>dotnet Benchmarks/bin/Release/net10.0/StaticKeras.Benchmarks.dll cnn-fit [samples] [epochs]</c>: the
/// Sequential CNN's <c>Fit</c> at batch 128 on the first Fashion-MNIST images, one epoch at a time from a
/// fresh model (the first epoch included, as the issue asks "from the first epoch"), printing samples/s
/// of wall clock and of the process' processor time per epoch. It uses only what every build since the
/// generator's first training step has (the model, <c>Fit</c>), so the same file built on an older commit
/// compares today's step with that commit's, run after run, on the same machine.
/// </summary>
internal static class CnnFitReport
{
    public static void Run(int samples, int epochs)
    {
        var (x, y) = BenchmarkData.TrainingSet();
        var n = Math.Min(samples, (int)x.shape[0]);
        var (images, labels) = (x[..n].unsqueeze(-1), y[..n]);
        random.manual_seed(1);
        var model = new BenchmarkCnn();
        using var process = Process.GetCurrentProcess();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            model.Fit(images, labels, epochs: 1, batchSize: 128, verbose: 0);
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cnn-fit epoch {epoch}: {n / seconds,8:N0} samples/s  {n / cpuSeconds,8:N0} per CPU-s  ({n} images, batch 128, torch threads {get_num_threads()})"));
        }
    }
}
