using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StaticKeras.Data;

namespace Samples.Serving;

/// <summary>
/// <c>loadtest --weights PATH [--requests N] [--concurrency C] [--time-limit SECONDS]</c>: starts the
/// service on 127.0.0.1 (an ephemeral port, loopback only) twice, without and with micro-batching,
/// sends a fixed number of one-image requests from C concurrent clients, stops at that number or the
/// time limit, and prints requests/s and p50/p99 latency for each.
/// </summary>
public static class LoadTest
{
    /// <summary>Runs both rounds; returns the process exit code.</summary>
    public static async Task<int> Run(string[] args)
    {
        var options = Options(args);
        var weights = options.GetValueOrDefault("--weights");
        var requests = int.Parse(options.GetValueOrDefault("--requests", "2000"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options.GetValueOrDefault("--concurrency", "32"), CultureInfo.InvariantCulture);
        var timeLimit = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--time-limit", "60"), CultureInfo.InvariantCulture));
        var bodies = TestImages(64);
        Console.WriteLine($"{requests:N0} one-image requests from {concurrency} concurrent clients on 127.0.0.1, at most {timeLimit.TotalSeconds:N0} s per round");
        Console.WriteLine("| Micro-batching | Requests | Seconds | Requests/s | p50 latency | p99 latency | Mean batch |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var microBatching in new[] { false, true })
        {
            var serverArgs = new List<string> { "--urls", "http://127.0.0.1:0", "--micro-batching", microBatching ? "true" : "false", "--Logging:LogLevel:Default=Warning" };
            if (weights is not null)
            {
                serverArgs.AddRange(["--weights", weights]);
            }

            await using var app = ServingApp.Build([.. serverArgs]);
            try
            {
                ServingApp.LoadModel(app);
            }
            catch (ServingSetupException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var round = await Round(new Uri(address), bodies, requests, concurrency, timeLimit);
            var (batches, served) = app.Services.GetRequiredService<MicroBatcher>().Counts;
            await app.StopAsync();
            Console.WriteLine(FormattableString.Invariant(
                $"| {(microBatching ? "on" : "off")} | {round.Completed:N0}{(round.Failed > 0 ? $" ({round.Failed} failed)" : "")} | {round.Seconds:F1} | {round.Completed / round.Seconds:N0} | {round.Percentile(50):F2} ms | {round.Percentile(99):F2} ms | {(batches > 0 ? ((double)served / batches).ToString("F1", CultureInfo.InvariantCulture) : "-")} |"));
        }

        return 0;
    }

    // One round: concurrency clients take request numbers until requests are sent or time is up.
    private static async Task<RoundResult> Round(Uri address, object[] bodies, int requests, int concurrency, TimeSpan timeLimit)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = timeLimit };
        using var stop = new CancellationTokenSource(timeLimit);
        await client.PostAsJsonAsync("/predict", bodies[0]);   // warm-up: JIT, first allocations
        var latencies = new double[requests];
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && !stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsJsonAsync("/predict", bodies[i % bodies.Length], stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }

                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }).ToArray();
        await Task.WhenAll(clients);
        var seconds = clock.Elapsed.TotalSeconds;
        var done = latencies.Where(l => l > 0).Order().ToArray();
        return new RoundResult(done, done.Length - failed, failed, seconds);
    }

    // Request bodies: the first images of the bundled test subset, scaled to [0, 1].
    private static object[] TestImages(int count)
    {
        var (_, (x, _)) = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory
            ?? throw new InvalidOperationException("the bundled Fashion-MNIST subset is missing from the build output"));
        var pixels = x.narrow(0, 0, count).to_type(TorchSharp.torch.ScalarType.Float32).div_(255f).data<float>().ToArray();
        return Enumerable.Range(0, count).Select(i => (object)new
        {
            image = Enumerable.Range(0, ServedModel.Side)
                .Select(r => pixels.AsSpan((i * ServedModel.Side + r) * ServedModel.Side, ServedModel.Side).ToArray()).ToArray(),
        }).ToArray();
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private sealed record RoundResult(double[] SortedLatencies, int Completed, int Failed, double Seconds)
    {
        public double Percentile(int p) =>
            SortedLatencies.Length == 0 ? double.NaN : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p / 100.0 * SortedLatencies.Length) - 1)];
    }
}
