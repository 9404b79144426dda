using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// The generator as an editor runs it: one keystroke (a one-character edit) in an ordinary file or
/// in a model file of a 30-model, 200-file project, then an incremental driver run. One invocation
/// is one edit, so Median and P95 are per edit. The baseline is the same edit with the
/// <see cref="FloorGenerator"/>, which finds the same models and reads only their names: what Roslyn
/// costs before the model generator does any work of its own.
/// </summary>
[Config(typeof(Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 50, invocationCount: 1)]
public class GeneratorEditBenchmark
{
    private EditSession _floor = null!;
    private EditSession _model = null!;

    /// <summary>Where the keystrokes land.</summary>
    [Params(EditSession.Target.UnrelatedFile, EditSession.Target.ModelFile)]
    public EditSession.Target Target { get; set; }

    [GlobalSetup]
    public void Setup() => (_floor, _model) = (new EditSession(floor: true), new EditSession());

    [Benchmark(Baseline = true, Description = "edit + FloorGenerator")]
    public TimeSpan Floor() => _floor.Edit(Target).Elapsed;

    [Benchmark(Description = "edit + ModelGenerator")]
    public TimeSpan Model() => _model.Edit(Target).Elapsed;

    [GlobalCleanup]
    public void Cleanup()
    {
        // Which steps ran (New/Modified) and which came from the cache, per edit: BenchmarkDotNet shows this in its log.
        Console.WriteLine($"// ModelGenerator steps per edit ({Target}):");
        foreach (var line in _model.DescribeSteps())
        {
            Console.WriteLine("//   " + line);
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
