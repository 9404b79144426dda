using System.Diagnostics;
using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>
/// The generator's cost grows linearly with the number of layers: no step copies a list, scans the
/// nodes or rebuilds a string per layer. Guarded by the ratio of two sizes in the same run (which
/// a busy machine disturbs little: 8 times the layers is 8x when linear, 64x when quadratic; the
/// bound, 40x, leaves room for a test run sharing the cores with others) and by a generous bound on the
/// larger one (it took 6 s before the summary, the graph lookups and the Embedding check were made linear).
/// </summary>
public sealed class LargeModelTests
{
    [Fact]
    public void EightTimesTheLayersCostsFarLessThanQuadratic()
    {
        Generate(50);   // warm up the JIT and the references

        var small = Fastest(100);
        var large = Fastest(800);

        Assert.True(large.TotalSeconds < 8, $"a model of 800 layers took {large.TotalSeconds:0.00} s to generate");
        Assert.True(large.TotalMilliseconds < 40 * small.TotalMilliseconds, $"100 layers took {small.TotalMilliseconds:0} ms, 800 layers {large.TotalMilliseconds:0} ms: far more than linear");
    }

    [Fact]
    public void ALargeModelGeneratesCompletely()
    {
        var run = Generate(500);

        run.AssertClean();
        var source = run.SingleSource;
        Assert.Matches(@"var x500 = output\.Call\(x499\); +// \(batch, 10\)", source);
        Assert.Contains("register_module(\"hidden497\", hidden497);", source);
    }

    private static System.TimeSpan Fastest(int layers) =>
        Enumerable.Range(0, 3).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            Generate(layers);
            return clock.Elapsed;
        }).Min();

    // Flatten, then Dense(16)/Dropout layers, then Dense(10, softmax).
    private static GeneratorRun Generate(int layers)
    {
        var source = ModelSource.Sequential("Deep")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly Flatten flatten = new();");
        for (var i = 1; i < layers - 1; i++)
        {
            source = source.Layer(i % 2 == 0 ? $"readonly Dropout drop{i} = new(0.1);" : $"readonly Dense hidden{i} = new(16, Activation.Relu);");
        }

        return GeneratorRunner.Run(source.Layer("readonly Dense output = new(10, Activation.Softmax);").Build().Text);
    }
}
