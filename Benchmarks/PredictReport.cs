using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The quick form of <see cref="PredictBenchmark"/> and <see cref="PredictLatencyBenchmark"/> without
/// BenchmarkDotNet's process per case: <c>dotnet Benchmarks/bin/Release/net10.0/StaticKeras.Benchmarks.dll predict-report</c>.
/// The two peers run alternately in one process (so load from other processes hits both alike), and
/// each row reports the median and the best of the rounds. On Linux the time is the calling thread's
/// processor time (libtorch runs on one thread here), which a loaded machine disturbs far less than elapsed time.
/// </summary>
public static class PredictReport
{
    /// <summary>Runs the measurements for <paramref name="models"/> (<c>mlp</c>, <c>cnn</c>) and prints them.</summary>
    public static void Run(IReadOnlyList<string> models, int rounds)
    {
        foreach (var name in models)
        {
            var data = InferenceData.Create(name);
            var images = name == "mlp" ? 2_000 : 500;
            var x = data.X.narrow(0, 0, images);
            var hx = data.HandWrittenX.narrow(0, 0, images);
            foreach (var batch in new[] { 1, 32, 128 })
            {
                Compare($"{name} predict  batch {batch,3}", images, rounds,
                    () => Time(() => data.HandWritten.Predict(hx, batch)), () => Time(() => data.Model.Predict(x, batch)));
            }

            var y = data.Y.narrow(0, 0, images);
            foreach (var batch in new[] { 32, 128 })
            {
                Compare($"{name} evaluate batch {batch,3}", images, rounds,
                    () => Time(() => data.HandWritten.Evaluate(hx, y, batch)), () => Time(() => data.Model.Evaluate(x, y, batch, verbose: 0)));
            }

            var image = x.narrow(0, 0, 1);
            var handImage = hx.narrow(0, 0, 1);
            var latencyTheirs = new List<double>();
            var latencyOurs = new List<double>();
            for (var i = 0; i < 2_000 + 100; i++)
            {
                var t = Time(() => data.HandWritten.Predict(handImage, 1));
                var o = Time(() => data.Model.Predict(image, 1));
                if (i >= 100)
                {
                    latencyTheirs.Add(t * 1e6);
                    latencyOurs.Add(o * 1e6);
                }
            }

            latencyTheirs.Sort();
            latencyOurs.Sort();
            Console.WriteLine($"{name} one image per call: hand-written median {Median(latencyTheirs):0} us, p99 {latencyTheirs[(int)(0.99 * latencyTheirs.Count)]:0} us; "
                + $"StaticKeras median {Median(latencyOurs):0} us, p99 {latencyOurs[(int)(0.99 * latencyOurs.Count)]:0} us (2,000 alternating calls)");
        }
    }

    // Alternating rounds (the first a warm-up) of the two peers; the median and the best of each.
    private static void Compare(string label, int images, int rounds, Func<double> theirs, Func<double> ours)
    {
        var theirRates = new List<double>();
        var ourRates = new List<double>();
        for (var round = 0; round < rounds + 1; round++)
        {
            var t = theirs();
            var o = ours();
            if (round > 0)
            {
                theirRates.Add(images / t);
                ourRates.Add(images / o);
            }
        }

        var (h, s) = (Median(theirRates), Median(ourRates));
        var (hb, sb) = (theirRates.Max(), ourRates.Max());
        Console.WriteLine($"{label}: median hand-written {h,9:N0} samples/s, StaticKeras {s,9:N0} samples/s, speed-up {s / h:0.00}; "
            + $"best {hb,9:N0} vs {sb,9:N0}, speed-up {sb / hb:0.00} ({rounds} alternating rounds of {images} images)");
    }

    private static double Time(Func<Tensor> predict)
    {
        if (OperatingSystem.IsLinux())
        {
            // This thread's processor time: a loaded machine's waits for a core are left out (one libtorch thread: the work runs on this one).
            var start = ThreadCpuSeconds();
            using var result = predict();
            return ThreadCpuSeconds() - start;
        }

        var clock = Stopwatch.StartNew();
        using var output = predict();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Time<T>(Func<T> evaluate)
    {
        var start = OperatingSystem.IsLinux() ? ThreadCpuSeconds() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        evaluate();
        return (OperatingSystem.IsLinux() ? ThreadCpuSeconds() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency) - start;
    }

    private static double ThreadCpuSeconds()
    {
        clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time);
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
