using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// The quick form of <see cref="GeneratorEditBenchmark"/> and <see cref="GeneratorScalingBenchmark"/>
/// without BenchmarkDotNet's process per case: <c>dotnet run -c Release --project Benchmarks -- generator-report</c>.
/// Prints median and p95 ms per edit for 50 edits of each kind after 10 warm-up edits, which steps ran,
/// and the time of one cold run on a model of 500 and 2,000 layers.
/// </summary>
public static class EditReport
{
    /// <summary>Runs the measurements and prints them.</summary>
    public static void Run()
    {
        var session = new EditSession();
        foreach (var target in new[] { EditSession.Target.UnrelatedFile, EditSession.Target.ModelFile })
        {
            for (var i = 0; i < 10; i++)
            {
                session.Edit(target);
            }

            session.ResetSteps();
            var times = Enumerable.Range(0, 50).Select(_ => session.Edit(target).TotalMilliseconds).OrderBy(t => t).ToList();
            Console.WriteLine($"{target}: median {Percentile(times, 0.5):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms per edit (50 edits)");
            foreach (var line in session.DescribeSteps())
            {
                Console.WriteLine("    " + line);
            }
        }

        foreach (var layers in new[] { 500, 2000 })
        {
            var compilation = SyntheticProject.Compile([SyntheticProject.Parse("Large.cs", SyntheticProject.SequentialModel("Large", layers))]);
            var clock = Stopwatch.StartNew();
            var driver = CSharpGeneratorDriver.Create(new StaticKeras.Generator.ModelGenerator()).RunGenerators(compilation);
            var length = driver.GetRunResult().GeneratedTrees.Single().Length;
            Console.WriteLine($"one Sequential model of {layers} layers: {clock.Elapsed.TotalSeconds:0.00} s (cold driver, {length:N0} chars generated)");
        }
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
