using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>A model used as a layer inside a functional model: its shapes and parameters come from its own declaration.</summary>
public sealed class NestedModelTests
{
    private const string Encoder = """
        namespace Samples;

        [StaticKeras.Sequential, StaticKeras.Input(28, 28)]
        public partial class Encoder
        {
            readonly StaticKeras.Layers.Flatten flatten = new();
            readonly StaticKeras.Layers.Dense code = new(32, StaticKeras.Activation.Relu);
        }
        """;

    [Fact]
    public void SequentialModelUsedAsALayer()
    {
        var outer = GraphSource.Model("Classifier")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Encoder encoder = new();")
            .Layer("readonly Dense classifier = new(10, Activation.Softmax);")
            .Graph("[Graph]", "Tensor Call([Input(28, 28)] Tensor image) => classifier.Call(encoder.Call(image));");

        var run = GeneratorRunner.Run(outer.Build().Text, Encoder).AssertClean();

        Assert.Equal(2, run.Sources.Count);
        run.VerifySources();
    }

    [Fact]
    public void ModelCalledOnTheWrongShape()
    {
        var outer = GraphSource.Model("Classifier")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Encoder encoder = new();")
            .Graph("[Graph]", "Tensor Call([Input(28, 28)] Tensor image) => [|encoder.Call(flatten.Call(image))|];");
        var markup = outer.Build();

        GeneratorRunner.Run(markup.Text, Encoder)
            .AssertDiagnostics(new ExpectedDiagnostic("STK1031", "Encoder 'encoder' is a model taking (batch, 28, 28), found (batch, 784)", markup.Span))
            .AssertCompiles();
    }

    [Fact]
    public void ModelWithErrorsLeavesTheOuterModelUnresolved()
    {
        var outer = GraphSource.Model("Classifier")
            .Layer("readonly Encoder encoder = new();")
            .Graph("[Graph]", "Tensor Call([Input(28, 28)] Tensor image) => encoder.Call(image);");
        var broken = Encoder.Replace("Input(28, 28)", "Input(\"h\", \"w\")", System.StringComparison.Ordinal);

        var run = GeneratorRunner.Run(outer.Build().Text, broken).AssertCompiles();

        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("model has errors: layer 'encoder' is model Encoder, which has errors", System.StringComparison.Ordinal));
    }
}
