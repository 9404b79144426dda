using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// A cold generator run on one Sequential model of 500 and of 2,000 layers: the ratio between the
/// two shows whether the cost grows linearly with the number of layers (4x) or faster.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class GeneratorScalingBenchmark
{
    private Compilation _compilation = null!;

    /// <summary>Layers in the model.</summary>
    [Params(500, 2000)]
    public int Layers { get; set; }

    [GlobalSetup]
    public void Setup() => _compilation = SyntheticProject.Compile([SyntheticProject.Parse("Large.cs", SyntheticProject.SequentialModel("Large", Layers))]);

    [Benchmark(Description = "generate one model")]
    public int Generate()
    {
        var driver = CSharpGeneratorDriver.Create(new StaticKeras.Generator.ModelGenerator()).RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Single().Length;
    }
}
