using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// The quick form of <see cref="GeneratorEditBenchmark"/> and <see cref="GeneratorScalingBenchmark"/>
/// without BenchmarkDotNet's process per case: <c>dotnet run -c Release --project Benchmarks -- generator-report</c>.
/// For 50 edits of each kind after 80 warm-up edits, alternating one edit with the model generator and
/// one with its floor peer (so both see the same load) and the two kinds of edit (each kind in sessions
/// of its own), prints median and p95 ms per edit of the
/// driver run (elapsed), of the generator's own time as the driver times it, and of processor time
/// (the process's, and the driver thread's, which a busy machine disturbs least); then which steps ran, and the time of one cold run on a model of each given number
/// of layers (500 and 2,000 by default).
/// </summary>
public static class EditReport
{
    /// <summary>Runs the measurements and prints them; the large models have <paramref name="layerCounts"/> layers.</summary>
    public static void Run(IReadOnlyList<int> layerCounts)
    {
        var targets = new[] { EditSession.Target.UnrelatedFile, EditSession.Target.ModelFile };
        // One session per generator and kind of edit, and the kinds interleaved edit by edit, so that
        // neither kind is measured later than the other (after more of Roslyn has been re-jitted).
        var sessions = targets.SelectMany(target => new[]
        {
            (Target: target, Title: "ModelGenerator", Session: new EditSession()),
            (Target: target, Title: "FloorGenerator (peer: finds the models with the same ForAttributeWithMetadataName, reads their names)", Session: new EditSession(floor: true)),
        }).ToArray();
        // Warm up first: Roslyn's code is re-jitted (tiered compilation) in the background while the
        // first edits run, which a busy machine delays.
        for (var i = 0; i < 80; i++)
        {
            foreach (var (target, _, session) in sessions)
            {
                session.Edit(target);
            }
        }

        var times = sessions.Select(_ => new List<EditSession.EditTime>()).ToArray();
        foreach (var (_, _, session) in sessions)
        {
            session.ResetSteps();
        }

        for (var i = 0; i < 50; i++)
        {
            for (var s = 0; s < sessions.Length; s++)
            {
                times[s].Add(sessions[s].Session.Edit(sessions[s].Target));
            }
        }

        foreach (var target in targets)
        {
            Console.WriteLine($"{target} (50 edits after 80 warm-up edits; median / p95 ms per edit):");
            for (var s = 0; s < sessions.Length; s++)
            {
                if (sessions[s].Target != target)
                {
                    continue;
                }

                Console.WriteLine($"  {sessions[s].Title}");
                Console.WriteLine($"    driver run elapsed {Describe(times[s], t => t.Elapsed)}; the generator's own time (driver's timing) {Describe(times[s], t => t.Generator)}; "
                    + $"processor time: process {Describe(times[s], t => t.Processor)}, driver's thread {Describe(times[s], t => t.Thread)}");
                foreach (var line in sessions[s].Session.DescribeSteps().Where(l => !l.Contains("_For", StringComparison.Ordinal)))
                {
                    Console.WriteLine("      " + line);
                }
            }
        }

        foreach (var layers in layerCounts)
        {
            var compilation = SyntheticProject.Compile([SyntheticProject.Parse("Large.cs", SyntheticProject.SequentialModel("Large", layers))]);
            var clock = Stopwatch.StartNew();
            var driver = CSharpGeneratorDriver.Create(new StaticKeras.Generator.ModelGenerator()).RunGenerators(compilation);
            var length = driver.GetRunResult().GeneratedTrees.Single().Length;
            Console.WriteLine($"one Sequential model of {layers} layers: {clock.Elapsed.TotalSeconds:0.00} s (cold driver, {length:N0} chars generated)");
        }
    }

    private static string Describe(IEnumerable<EditSession.EditTime> times, Func<EditSession.EditTime, TimeSpan> part)
    {
        var sorted = times.Select(t => part(t).TotalMilliseconds).OrderBy(t => t).ToList();
        return $"{Percentile(sorted, 0.5):0.0} / {Percentile(sorted, 0.95):0.0}";
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
