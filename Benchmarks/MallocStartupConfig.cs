using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace StaticKeras.Benchmarks;

/// <summary>
/// Two fresh processes measured from their first step: one with glibc's malloc defaults
/// (STATICKERAS_NO_MALLOPT=1, the baseline) and one with the runtime's start-up settings.
/// Cold start, no warm-up: the slow regime this compares lives in a process's first epochs.
/// </summary>
public sealed class MallocStartupConfig : ManualConfig
{
    public MallocStartupConfig()
    {
        var job = Job.Default
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(1)
            .WithWarmupCount(0)
            .WithIterationCount(6);
        AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("STATICKERAS_NO_MALLOPT", "1")).WithId("glibc defaults").AsBaseline());
        AddJob(job.WithId("StaticKeras mallopt"));
    }
}
