using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Incrementality;

/// <summary>
/// An edit that changes nothing a model depends on regenerates nothing: every tracked step of a
/// second run is Cached or Unchanged, and no step keeps Roslyn symbols, syntax or compilations.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] Steps = [TrackingNames.Declarations, TrackingNames.Shapes, TrackingNames.Sources];

    [Fact]
    public void AddingAnUnrelatedFileChangesNothing()
    {
        var first = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(first.SingleSource, second.SingleSource);
    }

    [Fact]
    public void EveryLayerFamilyIsCachedAcrossAnUnrelatedEdit()
    {
        var source = ModelSource.Sequential("AllFamilies")
            .Input("16, 16, 2")
            .Layer("readonly ZeroPadding2D pad = new((1, 1), (2, 0));")
            .Layer("readonly Conv2D conv = new(4, (3, 3), strides: 2, groups: 2);")
            .Layer("readonly DepthwiseConv2D depthwise = new(1, depthMultiplier: 2);")
            .Layer("readonly SeparableConv2D separable = new(4, 1, padding: Padding.Same);")
            .Layer("readonly BatchNormalization norm = new(momentum: 0.9);")
            .Layer("readonly MaxPooling2D pool = new(2, padding: Padding.Same);")
            .Layer("readonly UpSampling2D up = new(2);")
            .Layer("readonly Conv2DTranspose deconv = new(2, 3, outputPadding: 0);")
            .Layer("readonly GlobalAveragePooling2D mean = new(keepdims: true);")
            .Layer("readonly Reshape seq = new([1, -1]);")
            .Layer("readonly Permute swap = new(2, 1);")
            .Layer("readonly LayerNormalization ln = new([-1]);")
            .Layer("readonly Conv1D conv1d = new(3, 1, kernelRegularizer: Regularizer.L2(0.01), activityRegularizer: Regularizer.L1());")
            .Layer("readonly Masking masking = new(-1.0);")
            .Layer("readonly SimpleRNN rnn = new(2, returnSequences: true);")
            .Layer("readonly Bidirectional bi = new(new GRU(2, returnSequences: true), MergeMode.Sum, new GRU(2, returnSequences: true));")
            .Layer("readonly TimeDistributed td = new(new Dense(2));")
            .Layer("readonly AveragePooling1D avg = new(1);")
            .Layer("readonly Cropping1D crop = new((0, 1));")
            .Layer("readonly PReLU prelu = new(sharedAxes: [1]);")
            .Layer("readonly SpatialDropout1D spatial = new(0.1);")
            .Layer("readonly ReLU relu = new(maxValue: 6);")
            .Layer("readonly LeakyReLU leaky = new();")
            .Layer("readonly Softmax softmax = new(-1);")
            .Layer("readonly Rescaling rescale = new(2.0);")
            .Layer("readonly Normalization standardize = new(mean: [0.5], variance: [2.0]);")
            .Layer("readonly GlobalMaxPooling1D max = new();");
        var first = GeneratorRunner.Run(source.Build().Text);
        first.AssertClean();
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs"));

        var second = GeneratorRunner.Run(first.Driver, edited);

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(first.SingleSource, second.SingleSource);
    }

    [Fact]
    public void EditingACommentInAnotherFileChangesNothing()
    {
        var other = CSharpSyntaxTree.ParseText("// version 1\nnamespace Other; public class Unrelated { }", GeneratorRunner.ParseOptions, path: "Unrelated.cs");
        var compilation = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text).Input.AddSyntaxTrees(other);
        var first = GeneratorRunner.Run(compilation);
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(other.GetText().Replace(0, 12, "// version 2")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void EditingACommentAfterTheModelChangesNothing()
    {
        var first = GeneratorRunner.Run(ModelSource.MnistMlp().After("// trailing comment").Build().Text);
        var tree = first.Input.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        var text = tree.GetText();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(text.ToString().IndexOf("trailing", System.StringComparison.Ordinal), 8, "final")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void ChangingALayerRegeneratesTheModel()
    {
        var first = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text);
        var tree = first.Input.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        var text = tree.GetText();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(text.ToString().IndexOf("128", System.StringComparison.Ordinal), 3, "256")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        Assert.All(Steps, step => Assert.Contains(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains("hidden.Build(784);  // kernel (784, 256), bias (256,)", second.SingleSource);
    }

    [Fact]
    public void AKeystrokeInAMethodBodyElsewhereRerunsOnlyTheReading()
    {
        // The editor's case the generator benchmark times: a literal typed in an ordinary method, with a
        // Sequential and a functional model in the project. Roslyn reruns each model's reading on the
        // new compilation (ForAttributeWithMetadataName's transform); it must find the model Unchanged,
        // and nothing after it may run at all.
        var ordinary = CSharpSyntaxTree.ParseText("namespace Other;\npublic static class Ordinary\n{\n    public static int F() => 2;\n}\n", GeneratorRunner.ParseOptions, path: "Ordinary.cs");
        var models = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text, GraphSource.SmallCnn().Build().Text).Input;
        var compilation = models.AddSyntaxTrees(ordinary);
        var first = GeneratorRunner.Run(compilation);
        first.AssertClean();
        var text = ordinary.GetText();
        var edited = compilation.ReplaceSyntaxTree(ordinary, ordinary.WithChangedText(text.Replace(text.ToString().IndexOf("2;", System.StringComparison.Ordinal), 1, "3")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        Assert.All(Outputs(second, TrackingNames.Declarations), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        foreach (var step in new[] { TrackingNames.Shapes, TrackingNames.Sources, TrackingNames.HelpLinkBase })
        {
            Assert.All(Outputs(second, step), output => Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"step {step} was {output.Reason}"));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneModelRegeneratesOnlyThatModel()
    {
        var first = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text, GraphSource.SmallCnn().Build().Text);
        var tree = first.Input.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        var text = tree.GetText();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(text.ToString().IndexOf("128", System.StringComparison.Ordinal), 3, "256")));

        var second = GeneratorRunner.Run(first.Driver, edited);

        foreach (var step in Steps)
        {
            var reasons = Outputs(second, step).Select(o => o.Reason).OrderBy(r => r).ToList();
            // The edited model is read, inferred and written again; the other is read again (Unchanged), then taken from the cache.
            var untouched = step == TrackingNames.Declarations ? IncrementalStepRunReason.Unchanged : IncrementalStepRunReason.Cached;
            Assert.Equal([IncrementalStepRunReason.Modified, untouched], reasons);
        }
    }

    [Fact]
    public void NoStepOutputHoldsSymbolsSyntaxOrCompilations()
    {
        var run = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text, ModelSource.Sequential("Broken").Input("\"t\", \"f\"").Layer("readonly Dense d = new(1);").Build().Text);

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

    [Fact]
    public void ForbiddenTypeWalkerFindsNestedSymbols()
    {
        var run = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text);
        var symbol = run.Input.GetTypeByMetadataName("Samples.MnistMlp");

        var found = ForbiddenTypes.Find(new { Count = 1, Layers = new object?[] { "dense", symbol } });

        Assert.StartsWith("value.<Layers>i__Field[1]: ", Assert.Single(found));
    }

    private static System.Collections.Generic.List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step)
    {
        var outputs = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        return outputs;
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRun run)
    {
        foreach (var step in Steps)
        {
            var outputs = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {output.Reason}"));
        }

        Assert.All(run.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
