using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>The whole generator on complete functional models: snapshots of every generated file, which must compile cleanly.</summary>
public sealed class FunctionalGenerationTests
{
    [Fact]
    public void SmallCnnIsSeedExample2()
    {
        var run = GeneratorRunner.Run(GraphSource.SmallCnn().Build().Text).AssertClean();

        Assert.Equal("Samples.SmallCnn.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }

    [Fact]
    public void SharedLayerIsBuiltOnceAndCalledTwice()
    {
        var source = GraphSource.Model("Twice")
            .Compile("Optimizer.Sgd, Loss.MeanSquaredError")
            .Layer("readonly Dense shared = new(4, Activation.Tanh);")
            .Layer("readonly Dense head = new(1);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(4)] Tensor features)",
                "{",
                "    var h = shared.Call(features);",
                "    h = shared.Call(h);",
                "    return head.Call(h);",
                "}");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void ExpressionBodyThisAccessAndTrainingDependentLayers()
    {
        var source = GraphSource.Model("Regularized")
            .Compile("Optimizer.RmsProp, Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("Dense Hidden { get; } = new(16, Activation.Relu);")
            .Layer("readonly BatchNormalization norm = new();")
            .Layer("readonly Dropout drop = new(0.5);")
            .Layer("readonly Dense x1 = new(1, Activation.Sigmoid);")
            .Graph(
                "[Graph]",
                "Tensor Forward([Input(\"time\", 8)] Tensor inputs) => this.x1.Call((drop.Call(norm.Call(this.Hidden.Call(inputs)))));");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void WithoutCompileTheStepsExplainWhatIsMissing()
    {
        var source = GraphSource.Model("Encoder")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense code = new(32);")
            .Graph("[Graph]", "Tensor Call([Input(28, 28)] Tensor image) => code.Call(flatten.Call(image));");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void CallsNoOutputNeedsAreLeftOutWithAWarning()
    {
        var source = GraphSource.Model("Pruned")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly Dense hidden = new(8, Activation.Relu);")
            .Layer("readonly Dense probe = new(2);")
            .Layer("readonly Dense classifier = new(3, Activation.Softmax);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(5)] Tensor x)",
                "{",
                "    var h = hidden.Call(x);",
                "    var unused = probe.Call(h);",
                "    return classifier.Call(h);",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertCompiles();

        Assert.Equal(["STK0066"], System.Linq.Enumerable.Select(run.Diagnostics, d => d.Id));
        Assert.DoesNotContain("probe", run.SingleSource);
        run.VerifySources();
    }
}
