using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>STK0066, STK0067, STK1030 and layer shape errors, reported at the call in the graph that causes them.</summary>
public sealed class GraphShapeDiagnosticsTests
{
    [Fact]
    public void UnusedLayerWarnsAndTheModelIsStillGenerated()
    {
        var source = GraphSource.Model("Net")
            .Layer("readonly Dense hidden = new(8, Activation.Relu);")
            .Layer("readonly Dense spare = [|new(4)|];")
            .Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => hidden.Call(x);");

        var run = DiagnosticCheck.Single(source, "STK0066", "Layer 'spare' is not part of the model: no output of [Graph] method 'Call' depends on a call to it");

        Assert.DoesNotContain("spare", run.SingleSource);
    }

    [Fact]
    public void InputThatReachesNoOutputWarns()
    {
        var markup = GraphSource.Model("Net")
            .Layer("readonly Dense hidden = new(8, Activation.Relu);")
            .Graph("[Graph]", "Tensor Call([Input(8)] Tensor x, [|[Input(3)] Tensor unused|]) => hidden.Call(x);")
            .Build();

        GeneratorRunner.Run(markup.Text).AssertDiagnostics(
            new ExpectedDiagnostic("STK0067", "Input 'unused' does not reach any output of [Graph] method 'Call': the model would require it without using it", markup.Span));
    }

    [Fact]
    public void SharedLayerOnAShapeThatNeedsOtherWeights() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense encode = new(8, Activation.Relu);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(16)] Tensor x)",
                "{",
                "    var h = encode.Call(x);",
                "    return [|encode.Call(h)|];",
                "}"),
        "STK1030",
        "Dense 'encode' is shared, so every call uses the weights of its first call on (batch, 16): kernel (16, 8), bias (8,); this call on (batch, 8) needs kernel (8, 8), bias (8,)");

    [Fact]
    public void LayerShapeErrorIsReportedAtTheCall() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Conv2D conv = new(4, (3, 3));")
            .Graph("[Graph]", "Tensor Call([Input(28, 28, 1)] Tensor image) => [|conv.Call(flatten.Call(image))|];"),
        "STK1003",
        "Conv2D 'conv' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 784)");

    [Fact]
    public void ArgumentShapeErrorIsReportedAtTheArgument() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Conv2D conv = new(4, [|(5, 5)|]);")
            .Graph("[Graph]", "Tensor Call([Input(3, 3, 1)] Tensor image) => conv.Call(image);"),
        "STK1005",
        "Conv2D 'conv': kernel (5, 5) is larger than its input (3, 3) with padding valid");

    [Fact]
    public void LossIsCheckedAgainstTheOutput() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Compile("Optimizer.Adam, [|Loss.SparseCategoricalCrossentropy|]")
            .Layer("readonly Dense score = new(1, Activation.Sigmoid);")
            .Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => score.Call(x);"),
        "STK2001",
        "SparseCategoricalCrossentropy expects an output with 2 or more classes in its last dimension, found output (batch, 1); use BinaryCrossentropy with a single sigmoid unit");
}
