using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// The quick form of <see cref="GeneratorEditBenchmark"/> and <see cref="GeneratorScalingBenchmark"/>
/// without BenchmarkDotNet's process per case: <c>dotnet run -c Release --project Benchmarks -- generator-report</c>.
/// Prints median and p95 ms per edit (elapsed and process processor time) for 50 edits of each kind after 80 warm-up edits, for the model generator and its floor peer, which steps ran,
/// and the time of one cold run on a model of each given number of layers (500 and 2,000 by default).
/// </summary>
public static class EditReport
{
    /// <summary>Runs the measurements and prints them; the large models have <paramref name="layerCounts"/> layers.</summary>
    public static void Run(IReadOnlyList<int> layerCounts)
    {
        foreach (var floor in new[] { true, false })
        {
            Edits(new EditSession(floor), floor ? "FloorGenerator (peer: finds the models, reads their names)" : "ModelGenerator");
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

    private static void Edits(EditSession session, string title)
    {
        Console.WriteLine(title);
        var targets = new[] { EditSession.Target.UnrelatedFile, EditSession.Target.ModelFile };
        // Warm up both kinds of edit first: Roslyn's code is re-jitted (tiered compilation) in the
        // background while the first edits run, which a busy machine delays.
        for (var i = 0; i < 40; i++)
        {
            foreach (var target in targets)
            {
                session.Edit(target);
            }
        }

        foreach (var target in targets)
        {
            session.ResetSteps();
            var edits = Enumerable.Range(0, 50).Select(_ => session.Edit(target)).ToList();
            var elapsed = edits.Select(e => e.Elapsed.TotalMilliseconds).OrderBy(t => t).ToList();
            var processor = edits.Select(e => e.Processor.TotalMilliseconds).OrderBy(t => t).ToList();
            Console.WriteLine($"  {target}: median {Percentile(elapsed, 0.5):0.0} ms, p95 {Percentile(elapsed, 0.95):0.0} ms per edit "
                + $"(processor time: median {Percentile(processor, 0.5):0.0} ms, p95 {Percentile(processor, 0.95):0.0} ms; 50 edits after 80 warm-up edits)");
            foreach (var line in session.DescribeSteps().Where(l => !l.Contains("_For", StringComparison.Ordinal)))
            {
                Console.WriteLine("    " + line);
            }
        }
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
