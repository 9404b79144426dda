using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>
/// Functional models are incremental too: an edit that changes nothing a graph model depends
/// on regenerates nothing, an edit of the graph method regenerates it, and no step keeps symbols.
/// </summary>
public sealed class GraphIncrementalityTests
{
    private static readonly string[] Steps = [TrackingNames.Declarations, TrackingNames.Shapes, TrackingNames.Sources];

    [Fact]
    public void AddingAnUnrelatedFileChangesNothing()
    {
        var first = GeneratorRunner.Run(GraphSource.SmallCnn().Build().Text);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        foreach (var step in Steps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {output.Reason}"));
        }

        Assert.Equal(first.SingleSource, second.SingleSource);
    }

    [Fact]
    public void AModelWithSeveralInputsAndOutputsIsCachedToo()
    {
        var first = GeneratorRunner.Run(MultiIoGraphTests.TwoHead().Build().Text);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        foreach (var step in Steps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {output.Reason}"));
        }
    }

    [Fact]
    public void AnAttentionModelIsCachedToo()
    {
        var source = GraphSource.Model("Attending")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new(2, 4, valueDim: 3, outputShape: [5], useCausalMask: true);")
            .Layer("readonly Attention luong = new(useScale: true, scoreMode: AttentionScoreMode.Concat);")
            .Graph("[Graph]", "Tensor Call([Input(6, 8)] Tensor q, [Input(6, 7)] Tensor k) => luong.Call(q, mha.Call(q, q, k), q);");
        var first = GeneratorRunner.Run(source.Build().Text).AssertClean();
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        foreach (var step in Steps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {output.Reason}"));
        }
    }

    [Fact]
    public void EditingTheGraphRegeneratesTheModel()
    {
        var first = GeneratorRunner.Run(GraphSource.SmallCnn().Build().Text);
        var tree = first.Input.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        const string Call = "hidden.Call(flatten.Call(x))";
        var source = GraphSource.SmallCnn().Layer("readonly Dense wide = new(1600);").Build().Text.Replace(Call, "hidden.Call(wide.Call(flatten.Call(x)))");
        var changed = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(source)));

        var second = GeneratorRunner.Run(first.Driver, changed);

        Assert.All(Steps, step => Assert.Contains(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Matches(@"wide\.Build\(1600\); +// kernel \(1600, 1600\), bias \(1600,\)", second.SingleSource);
    }

    [Fact]
    public void NoStepOutputHoldsSymbolsSyntaxOrCompilations()
    {
        var broken = GraphSource.Model("Broken").Layer("readonly Dense d = new(1);").Graph("[Graph]", "Tensor Call([Input(\"t\", \"f\")] Tensor x) => d.Call(x);");
        var run = GeneratorRunner.Run(GraphSource.SmallCnn().Build().Text, broken.Build().Text, MultiIoGraphTests.TwoHead().Build().Text);

        foreach (var step in Steps)
        {
            var outputs = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var (value, _) in outputs)
            {
                Assert.Empty(ForbiddenTypes.Find(value, step));
            }
        }
    }
}
