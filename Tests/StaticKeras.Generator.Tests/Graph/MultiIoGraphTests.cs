using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>Functional models with several inputs and several named outputs, trained per output, and STK0071-STK0075.</summary>
public sealed class MultiIoGraphTests
{
    /// <summary>The MultiHead sample's shape: an image and a feature vector in, a class and a value out.</summary>
    public static GraphSource TwoHead() => GraphSource.Model("TwoHead")
        .Compile("Optimizer.Adam")
        .Attribute("Output(\"cls\", Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])")
        .Attribute("Output(\"value\", Loss.MeanSquaredError, LossWeight = 0.5)")
        .Layer("readonly Conv2D conv = new(8, (3, 3), Activation.Relu);")
        .Layer("readonly MaxPooling2D pool = new((2, 2));")
        .Layer("readonly Flatten flatten = new();")
        .Layer("readonly Dense features = new(8, Activation.Relu);")
        .Layer("readonly Concatenate join = new();")
        .Layer("readonly Dense classifier = new(10, Activation.Softmax);")
        .Layer("readonly Dense regressor = new(1);")
        .Graph(
            "[Graph]",
            "(Tensor cls, Tensor value) Call([Input(28, 28, 1)] Tensor image, [Input(4)] Tensor stats)",
            "{",
            "    var x = flatten.Call(pool.Call(conv.Call(image)));",
            "    var both = join.Call(x, features.Call(stats));",
            "    return (classifier.Call(both), regressor.Call(both));",
            "}");

    [Fact]
    public void TwoInputsAndTwoNamedOutputs() =>
        GeneratorRunner.Run(TwoHead().Build().Text).AssertClean().VerifySources();

    [Fact]
    public void TwoInputsOneOutput()
    {
        var source = GraphSource.Model("Joined")
            .Layer("readonly Dense left = new(4, Activation.Relu);")
            .Layer("readonly Concatenate join = new();")
            .Layer("readonly Dense head = new(2);")
            .Graph("[Graph]", "Tensor Call([Input(6)] Tensor a, [Input(3)] Tensor b) => head.Call(join.Call(left.Call(a), b));");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void OneOutputNamedAfterItsLayerAndTrainedByItsOutputAttributeGetsTheTypedFit()
    {
        var run = GeneratorRunner.Run(GraphSource.Model("Net")
            .Compile("Optimizer.Adam")
            .Attribute("Output(\"head\", Loss.MeanSquaredError)")
            .Layer("readonly Dense head = new(1);")
            .Graph("[Graph]", "Tensor Call([Input(4)] Tensor x) => head.Call(x);")
            .Build().Text).AssertClean();

        Assert.Contains("public sealed record Targets(global::TorchSharp.torch.Tensor Head);", run.SingleSource);
        Assert.Contains("var loss = head_loss;", run.SingleSource);
        Assert.Contains("public global::TorchSharp.torch.Tensor Predict(Inputs x, int batchSize = 32, int verbose = 0, ", run.SingleSource);
    }

    [Fact]
    public void UnnamedOutputsTakeTheirLayersNames()
    {
        var run = GeneratorRunner.Run(GraphSource.Model("Net")
            .Layer("readonly Dense a = new(2);")
            .Layer("readonly Dense b = new(3);")
            .Graph("[Graph]", "(Tensor, Tensor) Call([Input(4)] Tensor x) => (a.Call(x), b.Call(x));")
            .Build().Text).AssertClean();

        Assert.Contains("public sealed record Outputs(global::TorchSharp.torch.Tensor A, global::TorchSharp.torch.Tensor B);", run.SingleSource);
    }

    [Fact]
    public void DuplicateOutputName() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense a = new(2);")
            .Layer("readonly Dense b = new(3);")
            .Graph("[Graph]", "(Tensor a, Tensor) Call([Input(4)] Tensor x) => (b.Call(x), [|a.Call(x)|]);"),
        "STK0071",
        "[Graph] method 'Call' names two outputs 'a': each output needs its own name, which its loss, metrics and History keys ('a_loss') use");

    [Fact]
    public void SameLayerReturnedTwiceWithoutNames() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense a = new(2);")
            .Graph("[Graph]", "(Tensor, Tensor) Call([Input(4)] Tensor x) => (a.Call(x), [|a.Call(x)|]);"),
        "STK0071",
        "[Graph] method 'Call' names two outputs 'a': each output needs its own name, which its loss, metrics and History keys ('a_loss') use");

    [Fact]
    public void TupleOfOtherTypesIsNotAnOutput() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense a = new(2);")
            .Graph("[Graph]", "[|(Tensor cls, int n)|] Call([Input(4)] Tensor x) => (a.Call(x), 1);"),
        "STK0068",
        "[Graph] method 'Call' must return Tensor, the model's output, or a tuple of named tensors such as '(Tensor cls, Tensor value)' for several outputs, found '(Tensor cls, int n)'");

    private static GraphSource Heads(params string[] attributes)
    {
        var source = GraphSource.Model("TwoHead").Compile("Optimizer.Adam")
            .Layer("readonly Dense classifier = new(3, Activation.Softmax);")
            .Layer("readonly Dense regressor = new(1);");
        foreach (var attribute in attributes)
        {
            source = source.Attribute(attribute);
        }

        return source;
    }

    [Fact]
    public void OutputAttributeWithAnUnknownName() => DiagnosticCheck.Single(
        Heads("Output(\"cls\", Loss.SparseCategoricalCrossentropy)", "Output(\"value\", Loss.MeanSquaredError)", "Output([|\"score\"|], Loss.MeanSquaredError)")
            .Graph("[Graph]", "(Tensor cls, Tensor value) Call([Input(4)] Tensor x) => (classifier.Call(x), regressor.Call(x));"),
        "STK0072",
        "[Output(\"score\")] names no output of [Graph] method 'Call', whose outputs are 'cls', 'value'");

    [Fact]
    public void OutputWithoutAnOutputAttribute() => DiagnosticCheck.Single(
        Heads("Output(\"cls\", Loss.SparseCategoricalCrossentropy)")
            .Graph("[Graph]", "(Tensor cls, Tensor value) Call([Input(4)] Tensor x) => (classifier.Call(x), [|regressor.Call(x)|]);"),
        "STK0073",
        "Output 'value' of model 'TwoHead' has no loss: with several outputs, give each one an [Output(\"value\", loss)] attribute and the optimizer alone in [Compile(optimizer)]");

    [Fact]
    public void CompileWithoutALoss() => DiagnosticCheck.Single(
        GraphSource.Model("Net").Attribute("[|Compile(Optimizer.Adam)|]")
            .Layer("readonly Dense classifier = new(3, Activation.Softmax);")
            .Graph("[Graph]", "Tensor Call([Input(4)] Tensor x) => classifier.Call(x);"),
        "STK0074",
        "[Compile] of model 'Net' names no loss: pass one, e.g. [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], or give each output an [Output(name, loss)] attribute");

    [Fact]
    public void SequentialCompileWithoutALossIsReportedEvenWithOutputAttributes() => DiagnosticCheck.Single(
        ModelSource.Sequential("Mlp").Attribute("[|Compile(Optimizer.Adam)|]").Attribute("Output(\"dense\", Loss.MeanSquaredError)")
            .Layer("readonly Dense dense = new(1);"),
        "STK0074",
        "[Compile] of model 'Mlp' names no loss: pass one, e.g. [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], or give each output an [Output(name, loss)] attribute");

    [Fact]
    public void OutputConfiguredTwice() => DiagnosticCheck.Single(
        Heads("Output(\"cls\", Loss.SparseCategoricalCrossentropy)", "Output([|\"cls\"|], Loss.CategoricalCrossentropy)", "Output(\"value\", Loss.MeanSquaredError)")
            .Graph("[Graph]", "(Tensor cls, Tensor value) Call([Input(4)] Tensor x) => (classifier.Call(x), regressor.Call(x));"),
        "STK0075",
        "Output 'cls' of model 'TwoHead' has two [Output] attributes: keep one");

    [Fact]
    public void EachOutputsLossIsCheckedAgainstItsShape()
    {
        var run = GeneratorRunner.Run(Heads("Output(\"cls\", Loss.SparseCategoricalCrossentropy)", "Output(\"value\", Loss.SparseCategoricalCrossentropy)")
            .Graph("[Graph]", "(Tensor cls, Tensor value) Call([Input(4)] Tensor x) => (classifier.Call(x), regressor.Call(x));")
            .Build().Text);

        Assert.Contains(run.Diagnostics, d => d.Id == "STK2001");
    }
}
