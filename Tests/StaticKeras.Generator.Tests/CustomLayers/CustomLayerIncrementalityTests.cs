using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.CustomLayers;

/// <summary>The custom-layer pipeline is cached like the model pipeline, and a model follows its layer's contract.</summary>
public sealed class CustomLayerIncrementalityTests
{
    private static readonly string[] Steps = [TrackingNames.CustomLayers, TrackingNames.CustomLayerSources];

    private static ModelSource CustomMlp() => ModelSource.Sequential("CustomMlp")
        .Layer("readonly Flatten flatten = new();")
        .Layer("readonly MyCustomLayer custom = new(64);");

    [Fact]
    public void AddingAnUnrelatedFileChangesNothing()
    {
        var first = GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text, CustomMlp().Build().Text);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        foreach (var step in Steps.Append(TrackingNames.Declarations))
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {output.Reason}"));
        }
    }

    [Fact]
    public void ChangingTheLayersOutputSignatureRegeneratesTheModel()
    {
        var first = GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text, CustomMlp().Build().Text);
        var tree = first.Input.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        var text = tree.GetText();
        var at = text.ToString().IndexOf("Output = \"..., units\"", System.StringComparison.Ordinal) + "Output = \"..., ".Length;
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(at, "units".Length, "2 * units")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        var model = second.Sources.Single(s => s.HintName == "Samples.CustomMlp.g.cs").SourceText.ToString();
        Assert.Contains("var x2 = custom.Call(x1, training);  // (batch, 128)", model);
    }

    [Fact]
    public void NoStepOutputHoldsSymbolsSyntaxOrCompilations()
    {
        var broken = LayerSource.Layer("Input = \"..., d +\"", "public partial class Broken").Member("public Tensor Call(Tensor inputs) => inputs;");
        var run = GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text, broken.Build().Text, CustomMlp().Build().Text);

        foreach (var step in Steps)
        {
            var outputs = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, output => Assert.Empty(ForbiddenTypes.Find(output.Value, step)));
        }
    }
}
