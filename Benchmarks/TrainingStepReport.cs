using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Benchmarks -- step-report [samples] [rounds]</c>: in one process
/// and one run, trains on the same Fashion-MNIST images the seed MLP through the generated backward
/// (StaticKeras' default), through the autograd path (<c>Backward = BackwardMode.Autograd</c>) and
/// through the idiomatic hand-written TorchSharp loop, at batch 32 and 128, and the Sequential CNN
/// (generated vs autograd) at batch 128; rounds are interleaved and the best round of each is kept.
/// Prints samples/s (wall clock, and per second of the process' processor time, which a busy machine
/// disturbs less), the ratios, and the tensors created per training step (TorchSharp's dispose-scope
/// statistics). A quick report for a busy machine; the BenchmarkDotNet classes are the careful one.
/// </summary>
internal static class TrainingStepReport
{
    public static void Run(int samples, int rounds)
    {
        var (x, y) = BenchmarkData.TrainingSet();
        var n = Math.Min(samples, (int)x.shape[0]);
        (x, y) = (x[..n], y[..n]);
        Console.WriteLine($"// {n} images per epoch, {rounds} interleaved rounds, best round kept; torch threads: {get_num_threads()}");

        foreach (var batch in new[] { 32, 128 })
        {
            random.manual_seed(1);
            var generated = new BenchmarkMlp();
            var autograd = new BenchmarkMlpAutograd();
            var hand = new HandWrittenMlp();
            var results = Measure(rounds, n, batch,
                ("generated", () => generated.Fit(x, y, epochs: 1, batchSize: batch, verbose: 0)),
                ("autograd", () => autograd.Fit(x, y, epochs: 1, batchSize: batch, verbose: 0)),
                ("hand-written", () => hand.TrainEpoch(x, y, batch)));
            Print($"MLP batch {batch}", results, "hand-written");
        }

        var images = x.unsqueeze(-1);
        var cnnSamples = Math.Min(n, 6400);
        var (cx, cy) = (images[..cnnSamples], y[..cnnSamples]);
        random.manual_seed(1);
        var cnn = new BenchmarkCnn();
        var cnnAutograd = new BenchmarkCnnAutograd();
        var cnnResults = Measure(rounds, cnnSamples, 128,
            ("generated", () => cnn.Fit(cx, cy, epochs: 1, batchSize: 128, verbose: 0)),
            ("autograd", () => cnnAutograd.Fit(cx, cy, epochs: 1, batchSize: 128, verbose: 0)));
        Print("Sequential CNN batch 128", cnnResults, "autograd");
    }

    private sealed record Result(string Name, double SamplesPerSecond, double SamplesPerCpuSecond, double TensorsPerStep);

    private static List<Result> Measure(int rounds, int samples, int batch, params (string Name, Action Epoch)[] variants)
    {
        var best = variants.ToDictionary(v => v.Name, _ => (Rate: 0.0, CpuRate: 0.0, Tensors: 0.0));
        using var process = Process.GetCurrentProcess();
        var steps = (samples + batch - 1) / batch;
        foreach (var (_, epoch) in variants)
        {
            epoch();   // warm-up: optimizer state, lazy allocations, JIT
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, epoch) in variants)
            {
                var created = DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount
                    + DisposeScopeManager.Statistics.TensorStatistics.CreatedOutsideScopeCount;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                epoch();
                var rate = samples / clock.Elapsed.TotalSeconds;
                process.Refresh();
                var cpuRate = samples / (process.TotalProcessorTime - cpu).TotalSeconds;
                var tensors = (DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount
                    + DisposeScopeManager.Statistics.TensorStatistics.CreatedOutsideScopeCount - created) / (double)steps;
                best[name] = (Math.Max(rate, best[name].Rate), Math.Max(cpuRate, best[name].CpuRate), tensors);
            }
        }

        return variants.Select(v => new Result(v.Name, best[v.Name].Rate, best[v.Name].CpuRate, best[v.Name].Tensors)).ToList();
    }

    private static void Print(string title, List<Result> results, string baseline)
    {
        var reference = results.Single(r => r.Name == baseline);
        Console.WriteLine(title);
        foreach (var result in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Name,-13} {result.SamplesPerSecond,9:N0} samples/s  {result.SamplesPerSecond / reference.SamplesPerSecond,5:F2}x {baseline}"
                + $"  {result.SamplesPerCpuSecond,9:N0} per CPU-s  {result.SamplesPerCpuSecond / reference.SamplesPerCpuSecond,5:F2}x"
                + $"  {result.TensorsPerStep,6:F1} tensors created per step"));
        }
    }
}
