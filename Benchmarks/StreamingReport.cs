using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// Streamed against in-memory training, samples/s and peak memory: <c>streaming-report [mlpSamples]
/// [cnnSamples] [epochs] [rounds] [pairs]</c>. Three paths, each run in a process of its own so its
/// peak resident memory (<c>VmHWM</c>) is its own: <c>memory</c> loads all 60,000 training images as
/// float32 (what <c>Fit(x, y)</c> needs) and trains on the first N with Fit's full shuffle; <c>index</c>
/// (the sample's <c>--stream</c>) maps the IDX files (<see cref="IdxImageSet"/>), shuffles the first N
/// indices in full and reads each batch from the files on the training thread; <c>stream</c> reads the
/// gzip files front to back through a 10,000-image shuffle buffer, two map workers and a prefetch of
/// four (the earlier sample's pipeline). Batch 32, the seed MLP and the Sequential CNN. Each process
/// trains <c>epochs</c> epochs; the first (JIT, page cache, allocator warm-up) is left out and the
/// rest give the median; rounds alternate the paths. Besides wall-clock samples/s it gives samples per
/// CPU-second of the whole process (training thread and data threads).
/// </summary>
/// <remarks>
/// The same model's epoch swings by up to 2x from one process to the next on this virtual machine,
/// even idle, so a ratio of two processes says little. The ratio the report stands on comes from one
/// process per model that alternates an epoch from memory and an epoch by index <c>pairs</c> times
/// (the first pair left out): the median of the pairs' ratios.
/// </remarks>
internal static class StreamingReport
{
    private const int BatchSize = 32;
    private static readonly string[] Paths = ["memory", "index", "stream"];

    public static void Run(string[] args)
    {
        var mlpSamples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var cnnSamples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4_000;
        var epochs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var pairs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 9;
        var models = new[] { ("mlp", mlpSamples), ("cnn", cnnSamples) };
        var results = new List<(string Model, string Path, double Rate, double CpuRate, double PeakMiB)>();
        Console.WriteLine($"// streaming-report: mlp {mlpSamples} images, cnn {cnnSamples}, {epochs} epochs per process (first left out), {rounds} round(s), {pairs} pairs");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (model, samples) in models)
            {
                foreach (var path in Paths)
                {
                    var result = Child(model, path, samples, epochs);
                    Console.WriteLine(FormattableString.Invariant(
                        $"round {round + 1}: {model,-3} {path,-6} {result.Rate,8:F0} samples/s, {result.CpuRate,8:F0} samples/CPU-s, peak RSS {result.PeakMiB:F0} MiB"));
                    results.Add((model, path, result.Rate, result.CpuRate, result.PeakMiB));
                }
            }
        }

        var paired = new Dictionary<string, string>();
        foreach (var (model, samples) in models)
        {
            paired[model] = ChildLine(model, "pairs", samples, pairs, "PAIRS ");
            Console.WriteLine($"pairs: {model} {paired[model]}");
        }

        Console.WriteLine();
        Console.WriteLine("| Model | by index / in memory, paired in one process (median) | in memory, samples/s | by index, samples/s | gzip stream, samples/s | in memory, samples/CPU-s | by index, samples/CPU-s | gzip stream, samples/CPU-s | peak RSS in memory | by index | gzip stream |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (model, _) in models)
        {
            double MedianOf(string path, Func<(string Model, string Path, double Rate, double CpuRate, double PeakMiB), double> value) =>
                Median(results.Where(r => r.Model == model && r.Path == path).Select(value));
            string Row(Func<(string Model, string Path, double Rate, double CpuRate, double PeakMiB), double> value, string unit) =>
                string.Join(" | ", Paths.Select(path => MedianOf(path, value).ToString("F0", CultureInfo.InvariantCulture) + unit));
            Console.WriteLine($"| {model} | {paired[model].Split(' ')[0]} | {Row(r => r.Rate, "")} | {Row(r => r.CpuRate, "")} | {Row(r => r.PeakMiB, " MiB")} |");
        }
    }

    /// <summary>
    /// The child process: trains, then prints <c>RESULT rate cpuRate peakMiB</c>. Paths: <c>memory</c>,
    /// <c>index</c> and <c>stream</c> (the report's); <c>pairs</c> (prints <c>PAIRS</c>, see the remarks above);
    /// <c>index-prefetch</c> (<c>index</c> with <c>Prefetch(2)</c>), <c>pairs-prefetch</c>, <c>index-read</c>
    /// (one pass of reading by index, no training); and four diagnoses of the gzip stream: <c>list</c> (the streamed batches made once up
    /// front and handed to <c>Fit(dataset)</c> as a clone per step: the dataset path of <c>Fit</c> without
    /// the data work), <c>inline</c> (the streamed pipeline without background threads: the data work on
    /// the training thread between steps), <c>read</c> and <c>raw</c> (no training: one pass of reading,
    /// shuffling (not <c>raw</c>), batching and <c>ImageBatch.ToTensors</c>, on one thread).
    /// </summary>
    public static void RunChild(string[] args)
    {
        var (model, path) = (args[0], args[1]);
        var samples = int.Parse(args[2], CultureInfo.InvariantCulture);
        var epochs = int.Parse(args[3], CultureInfo.InvariantCulture);
        var directory = args.Length > 4 ? args[4] : null;   // where the IDX files are (gzip or plain); null to search
        var cnn = model == "cnn";
        random.manual_seed(1);
        Model network = cnn ? new BenchmarkCnn() : new BenchmarkMlp();
        if (path is "pairs" or "pairs-prefetch")
        {
            RunPairs(network, cnn, samples, epochs, directory, prefetch: path == "pairs-prefetch");
            return;
        }

        Func<History> epoch;
        if (path == "memory")
        {
            var splits = FashionMnist.LoadData(directory);
            var x = splits.Train.X.to_type(ScalarType.Float32).div_(255f);   // all of it, as Fit(x, y) needs
            x = cnn ? x.unsqueeze(-1) : x;
            var (xs, ys) = (x.narrow(0, 0, samples), splits.Train.Y.narrow(0, 0, samples));
            epoch = () => network.Fit(xs, ys, epochs: 1, batchSize: BatchSize, verbose: 0);
        }
        else if (path == "list")
        {
            var made = FashionMnist.Stream(directory).Train.Take(samples).Shuffle(10_000, seed: 1).Batch(BatchSize)
                .Map(batch => ImageBatch.ToTensors(batch, channelAxis: cnn)).ToList();
            var list = new Dataset<(Tensor X, Tensor Y)>(_ => made.Select(b => (b.X.clone(), b.Y.clone())), made.Count);
            epoch = () => network.Fit(list, epochs: 1, verbose: 0);
        }
        else if (path == "inline")
        {
            var inline = FashionMnist.Stream(directory).Train.Take(samples).Shuffle(10_000, seed: 1).Batch(BatchSize)
                .Map(batch => ImageBatch.ToTensors(batch, channelAxis: cnn));
            epoch = () => network.Fit(inline, epochs: 1, verbose: 0);
        }
        else if (path is "index" or "index-prefetch" or "index-read")
        {
            var set = FashionMnist.OpenImageSets(directory).Train;
            var batches = Dataset.Range(samples).Shuffle(samples, seed: 1).Batch(BatchSize).Map(batch => set.ReadBatch(batch, channelAxis: cnn));
            batches = path == "index-prefetch" ? batches.Prefetch(2) : batches;
            epoch = path == "index-read"
                ? () =>
                {
                    foreach (var (x, y) in batches)
                    {
                        x.Dispose();
                        y.Dispose();
                    }

                    return null!;
                }
                : () => network.Fit(batches, epochs: 1, verbose: 0);
        }
        else if (path is "read" or "raw")
        {
            var images = FashionMnist.Stream(directory).Train.Take(samples);
            var read = path == "raw" ? images.Batch(BatchSize) : images.Shuffle(10_000, seed: 1).Batch(BatchSize);
            epoch = () =>
            {
                foreach (var batch in read)
                {
                    var (x, y) = ImageBatch.ToTensors(batch, channelAxis: cnn);
                    x.Dispose();
                    y.Dispose();
                }

                return null!;
            };
        }
        else
        {
            var stream = FashionMnist.Stream(directory).Train.Take(samples).Shuffle(10_000, seed: 1).Batch(BatchSize)
                .Map(batch => ImageBatch.ToTensors(batch, channelAxis: cnn), workers: 2).Prefetch(4);
            epoch = () => network.Fit(stream, epochs: 1, verbose: 0);
        }

        var rates = new List<double>();
        var cpuRates = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < epochs; i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            epoch();
            rates.Add(samples / clock.Elapsed.TotalSeconds);
            self.Refresh();
            cpuRates.Add(samples / (self.TotalProcessorTime - cpu).TotalSeconds);
        }

        var skip = rates.Count > 1 ? 1 : 0;
        Console.WriteLine(FormattableString.Invariant($"RESULT {Median(rates.Skip(skip)):F1} {Median(cpuRates.Skip(skip)):F1} {PeakMiB():F1}"));
    }

    // One process, one model: an epoch from memory, then one streamed by index, `pairs` times; the first
    // pair (JIT, page cache) is left out. A ratio of two epochs minutes apart in two processes swings by
    // up to 2x on this virtual machine even when idle; the same process's neighbouring epochs do not.
    private static void RunPairs(Model network, bool cnn, int samples, int pairs, string? directory, bool prefetch)
    {
        var splits = FashionMnist.LoadData(directory);
        var x = splits.Train.X.narrow(0, 0, samples).to_type(ScalarType.Float32).div_(255f);
        x = cnn ? x.unsqueeze(-1) : x;
        var y = splits.Train.Y.narrow(0, 0, samples);
        using var set = FashionMnist.OpenImageSets(directory).Train;
        var streamed = Dataset.Range(samples).Shuffle(samples, seed: 1).Batch(BatchSize).Map(batch => set.ReadBatch(batch, channelAxis: cnn));
        streamed = prefetch ? streamed.Prefetch(2) : streamed;
        var (memoryRates, streamedRates, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < pairs; i++)
        {
            var clock = Stopwatch.StartNew();
            network.Fit(x, y, epochs: 1, batchSize: BatchSize, verbose: 0);
            var memory = samples / clock.Elapsed.TotalSeconds;
            clock.Restart();
            network.Fit(streamed, epochs: 1, verbose: 0);
            var stream = samples / clock.Elapsed.TotalSeconds;
            if (i > 0 || pairs == 1)
            {
                (memoryRates, streamedRates, ratios) = ([.. memoryRates, memory], [.. streamedRates, stream], [.. ratios, stream / memory]);
            }
        }

        Console.WriteLine(FormattableString.Invariant(
            $"PAIRS {Median(ratios):F3} {Median(memoryRates):F1} {Median(streamedRates):F1} [{string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}]"));
    }

    private static (double Rate, double CpuRate, double PeakMiB) Child(string model, string path, int samples, int epochs)
    {
        var parts = ChildLine(model, path, samples, epochs, "RESULT ").Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    // Runs `streaming-run model path samples epochs` in a process of its own: its last line starting with `prefix`, less the prefix.
    private static string ChildLine(string model, string path, int samples, int epochs, string prefix)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(StreamingReport).Assembly.Location);
        }

        foreach (var arg in new[] { "streaming-run", model, path, samples.ToString(CultureInfo.InvariantCulture), epochs.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"streaming-run {model} {path} exited with {process.ExitCode} and no result:\n{output}");
        return line[prefix.Length..].Trim();
    }

    // The process's peak resident set (VmHWM), Linux's /proc; NaN elsewhere.
    private static double PeakMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
