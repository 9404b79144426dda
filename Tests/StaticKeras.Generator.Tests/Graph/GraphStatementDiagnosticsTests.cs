using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>STK0060-STK0065, STK0068, STK0069: what a [Model] class and its [Graph] method may contain.</summary>
public sealed class GraphStatementDiagnosticsTests
{
    private static GraphSource Mlp() => GraphSource.Model("Net")
        .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
        .Layer("readonly Dense hidden = new(8, Activation.Relu);")
        .Layer("readonly Dense classifier = new(3, Activation.Softmax);");

    [Fact]
    public void MissingGraphMethod()
    {
        var run = DiagnosticCheck.Single(
            Mlp().Name("[|Net|]"),
            "STK0060",
            "Functional model 'Net' needs one method marked [Graph] whose parameters are its [Input(...)] tensors, e.g. 'Tensor Call([Input(28, 28)] Tensor image)', found none");

        Assert.Contains("model has errors: STK0060", run.SingleSource);
    }

    [Fact]
    public void TwoGraphMethods() => DiagnosticCheck.Single(
        Mlp()
            .Graph("[Graph]", "Tensor Call([Input(4)] Tensor x) => classifier.Call(hidden.Call(x));")
            .Graph("[Graph]", "Tensor [|Other|]([Input(4)] Tensor x) => classifier.Call(x);"),
        "STK0061",
        "Functional model 'Net' must have exactly one [Graph] method, found 'Other' besides 'Call'");

    [Fact]
    public void ParameterWithoutInput() => DiagnosticCheck.Single(
        Mlp().Graph("[Graph]", "Tensor Call([|Tensor x|]) => classifier.Call(hidden.Call(x));"),
        "STK0062",
        "Parameter 'x' of [Graph] method 'Call' must be a Tensor with an [Input(...)] attribute giving its shape without the batch dimension, found no [Input(...)] attribute");

    [Fact]
    public void ParameterThatIsNotATensor()
    {
        var markup = Mlp().Graph("[Graph]", "Tensor Call([Input(4)] Tensor x, [|[Input(2)] int scale|]) => classifier.Call(hidden.Call(x));").Build();

        GeneratorRunner.Run(markup.Text).AssertDiagnostics(
            new ExpectedDiagnostic(
                "STK0062",
                "Parameter 'scale' of [Graph] method 'Call' must be a Tensor with an [Input(...)] attribute giving its shape without the batch dimension, found type 'int'",
                markup.Span));
    }

    [Fact]
    public void LoopIsReportedAtItsKeyword() => DiagnosticCheck.Single(
        Mlp().Graph(
            "[Graph]",
            "Tensor Call([Input(8)] Tensor x)",
            "{",
            "    var h = x;",
            "    [|for|] (var i = 0; i < 2; i++)",
            "    {",
            "        h = hidden.Call(h);",
            "    }",
            "",
            "    return classifier.Call(h);",
            "}"),
        "STK0063",
        "A 'for' loop is not supported in [Graph] method 'Call': write straight-line code of 'var x = layer.Call(...);', 'x = layer.Call(...);' and one final 'return ...;'");

    [Fact]
    public void ConditionalIsReportedAtItsKeyword() => DiagnosticCheck.Single(
        Mlp().Graph(
            "[Graph]",
            "Tensor Call([Input(8)] Tensor x)",
            "{",
            "    [|if|] (x.shape[0] > 1)",
            "    {",
            "        return classifier.Call(x);",
            "    }",
            "",
            "    return classifier.Call(hidden.Call(x));",
            "}"),
        "STK0063",
        "An 'if' statement is not supported in [Graph] method 'Call': write straight-line code of 'var x = layer.Call(...);', 'x = layer.Call(...);' and one final 'return ...;'");

    [Fact]
    public void OtherStatementIsQuoted() => DiagnosticCheck.Single(
        Mlp().Graph(
            "[Graph]",
            "Tensor Call([Input(8)] Tensor x)",
            "{",
            "    [|System.Console.WriteLine(x);|]",
            "    return classifier.Call(hidden.Call(x));",
            "}"),
        "STK0063",
        "'System.Console.WriteLine(x);' is not supported in [Graph] method 'Call': write straight-line code of 'var x = layer.Call(...);', 'x = layer.Call(...);' and one final 'return ...;'");

    [Fact]
    public void CallOfAnUnknownMethod() => DiagnosticCheck.Single(
        Mlp().Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => classifier.Call([|hidden.Call(x).relu()|]);"),
        "STK0064",
        "'hidden.Call(x).relu()' is not supported in [Graph] method 'Call': a tensor there is an input parameter, a local, or 'layer.Call(tensor)' on a layer member of 'Net'");

    [Fact]
    public void NamedTrainingArgument() => DiagnosticCheck.Single(
        Mlp().Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => classifier.Call(hidden.Call(x, [|training: true|]));"),
        "STK0064",
        "'training: true' is not supported in [Graph] method 'Call': a tensor there is an input parameter, a local, or 'layer.Call(tensor)' on a layer member of 'Net'");

    [Fact]
    public void ReassignedInput() => DiagnosticCheck.Single(
        Mlp().Graph(
            "[Graph]",
            "Tensor Call([Input(8)] Tensor x)",
            "{",
            "    [|x|] = hidden.Call(x);",
            "    return classifier.Call(x);",
            "}"),
        "STK0065",
        "Input 'x' cannot be reassigned in [Graph] method 'Call': it names the model's input; assign to a new local instead, e.g. 'var x = ...'");

    [Fact]
    public void ReturnTypeIsNotATensor() => DiagnosticCheck.Single(
        Mlp().Graph("[Graph]", "[|object|] Call([Input(8)] Tensor x) => classifier.Call(hidden.Call(x));"),
        "STK0068",
        "[Graph] method 'Call' must return Tensor, the model's output, or a tuple of named tensors such as '(Tensor cls, Tensor value)' for several outputs, found 'object'");

    [Fact]
    public void ReturnsItsInput()
    {
        var source = GraphSource.Model("Net")
            .Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => [|x|];");

        DiagnosticCheck.Single(source, "STK0069", "[Graph] method 'Call' must compute its output with at least one layer call, found it returns input 'x' unchanged");
    }

    [Fact]
    public void GraphMethodThatDoesNotCompileIsLeftToTheCompiler()
    {
        var source = Mlp().Graph("[Graph]", "Tensor Call([Input(8)] Tensor x) => classifier.Call(missing.Call(x));");

        var run = GeneratorRunner.Run(source.Build().Text).AssertDiagnostics().AssertCompilerReports("CS0103");

        Assert.Contains("model has errors: [Graph] method 'Call' does not compile", run.SingleSource);
    }
}
