using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>Functional models with several inputs and several named outputs, and STK0071.</summary>
public sealed class MultiIoGraphTests
{
    /// <summary>The MultiHead sample's shape: an image and a feature vector in, a class and a value out.</summary>
    public static GraphSource TwoHead() => GraphSource.Model("TwoHead")
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
}
