using System.Linq;
using System.Runtime.CompilerServices;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.CustomLayers;

/// <summary>STK0050-STK0055 on [Layer] classes, at the exact characters of a signature; STK1070-STK1074 at a model's use of the layer.</summary>
public sealed class CustomLayerDiagnosticsTests
{
    [Fact]
    public void MalformedOutputSignature() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., [|;|]units\"", "public partial class Broken(int units)")
            .Member("public Tensor Call(Tensor inputs) => inputs * units;"),
        null,
        "STK0050",
        "Output signature \"..., ;units\" of 'Broken' is malformed: expected a name, a positive integer, '...' or '(', found ';'");

    [Fact]
    public void SignatureEndingTooEarlyPointsAtTheClosingQuote() => Single(
        LayerSource.Layer("Input = \"..., d +[|\"|]", "public partial class Broken")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        null,
        "STK0050",
        "Input signature \"..., d +\" of 'Broken' is malformed: expected a name, a positive integer, '...' or '(', found the end");

    [Fact]
    public void ArithmeticInTheInputSignature() => Single(
        LayerSource.Layer("Input = \"t, [|d + 1|]\"", "public partial class Broken")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        null,
        "STK0050",
        "Input signature \"t, d + 1\" of 'Broken' is malformed: the Input signature binds sizes with names, positive integers and '...', found the expression 'd + 1'");

    [Fact]
    public void UnboundNameInAWeight() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., units\"", "public partial class Broken(int units)")
            .Member("[Weight(\"d, [|k|]\")] partial Parameter W { get; }")
            .Member("public Tensor Call(Tensor inputs) => inputs.matmul(W) * units;"),
        null,
        "STK0051",
        "'k' in the weight 'W' signature \"d, k\" of 'Broken' is not bound: expected a name from the Input signature \"..., d\" or a primary-constructor parameter (units)");

    [Fact]
    public void NonIntegerConstructorParameter() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., [|scale|]\"", "public partial class Broken(double scale)")
            .Member("public Tensor Call(Tensor inputs) => inputs * scale;"),
        null,
        "STK0055",
        "'scale' in the Output signature \"..., scale\" of 'Broken' names a constructor parameter of type double; expected int or long");

    [Fact]
    public void LayerClassNotPartial() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public class [|Plain|]")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        null,
        "STK0052",
        "Custom layer 'Plain' must be a non-generic, non-static partial class without a base class (the generator derives it from CustomLayer), found 'public class Plain' without 'partial'");

    [Fact]
    public void MissingCall() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class [|Silent|]"),
        null,
        "STK0053",
        "Custom layer 'Silent' must declare 'public Tensor Call(Tensor inputs)', found none");

    [Fact]
    public void WeightThatIsNotAPartialProperty() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Broken")
            .Member("[Weight(\"d\")] public Parameter? [|W|] { get; set; }")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        null,
        "STK0054",
        "Weight 'W' of 'Broken' must be a get-only partial property of type Parameter without a body, found 'public Parameter? W { get; set; }'");

    [Fact]
    public void BackwardWithTheWrongSignature() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Scaled")
            .Member("public Tensor Call(Tensor inputs) => inputs * 2;")
            .Member("public Tensor [|Backward|](Tensor gradOutput) => gradOutput * 2;"),
        null,
        "STK0056",
        "Backward of custom layer 'Scaled' must be 'public Tensor Backward(Tensor inputs, Tensor gradOutput)' returning the input gradient, found 'public Tensor Backward(Tensor gradOutput)'");

    [Fact]
    public void ExportOnnxWithTheWrongSignature() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Scaled")
            .Member("public Tensor Call(Tensor inputs) => inputs * 2;")
            .Member("public StaticKeras.Export.Onnx.OnnxValue [|ExportOnnx|](StaticKeras.Export.Onnx.OnnxValue inputs) => inputs;"),
        null,
        "STK0057",
        "ExportOnnx of custom layer 'Scaled' must be 'public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)' returning the layer's output, found 'public OnnxValue ExportOnnx(OnnxValue inputs)'");

    [Fact]
    public void ExportOnnxReturningTheWrongType() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Scaled")
            .Member("public Tensor Call(Tensor inputs) => inputs * 2;")
            .Member("public string [|ExportOnnx|](StaticKeras.Export.Onnx.OnnxBuilder onnx, StaticKeras.Export.Onnx.OnnxValue inputs) => inputs.Name;"),
        null,
        "STK0057",
        "ExportOnnx of custom layer 'Scaled' must be 'public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)' returning the layer's output, found 'public string ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)'");

    [Fact]
    public void BindingConflictAtTheUseSite() => Single(
        LayerSource.Layer("Input = \"n, n\", Output = \"n\"", "public partial class Square")
            .Member("public Tensor Call(Tensor inputs) => inputs.sum(1);"),
        ModelSource.Sequential("Uses").Input("28, 30").Layer("readonly Square square = [|new()|];"),
        "STK1071",
        "Square 'square' declares input (batch, n, n), found (batch, 28, 30): 'n' is bound to both 28 (axis 1) and 30 (axis 2)");

    [Fact]
    public void ConstructorArgumentConflictsWithTheInput() => Single(
        LayerSource.Layer("Input = \"..., units\", Output = \"..., units\"", "public partial class Check(int units)")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        ModelSource.Sequential("Uses").Input("28").Layer("readonly Check check = [|new(64)|];"),
        "STK1071",
        "Check 'check' declares input (batch, ..., units), found (batch, 28): 'units' is bound to both 64 (constructor argument) and 28 (axis 1)");

    [Fact]
    public void WrongRankAtTheUseSite() => Single(
        LayerSource.Layer("Input = \"t, d\", Output = \"t, d\"", "public partial class Sequence")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        ModelSource.Sequential("Uses").Layer("readonly Flatten flatten = new();").Layer("readonly Sequence seq = [|new()|];"),
        "STK1070",
        "Sequence 'seq' declares input (batch, t, d), found (batch, 784): expected rank 3, found rank 2");

    [Fact]
    public void LiteralSizeMismatchAtTheUseSite() => Single(
        LayerSource.Layer("Input = \"..., 3\", Output = \"..., 1\"", "public partial class Rgb")
            .Member("public Tensor Call(Tensor inputs) => inputs.mean([-1L], keepdim: true);"),
        ModelSource.Sequential("Uses").Layer("readonly Rgb gray = [|new()|];"),
        "STK1072",
        "Rgb 'gray' declares input (batch, ..., 3), found (batch, 28, 28): axis 2 must be 3, found 28");

    [Fact]
    public void InexactDivisionAtTheUseSite() => Single(
        LayerSource.Layer("Input = \"..., d\", Output = \"..., d / 3\"", "public partial class Third")
            .Member("public Tensor Call(Tensor inputs) => inputs;"),
        ModelSource.Sequential("Uses").Layer("readonly Third third = [|new()|];"),
        "STK1073",
        "Third 'third': output dimension 'd / 3' must be a positive whole number, found 28 / 3");

    [Fact]
    public void WeightOnASymbolicDimensionAtTheUseSite() => Single(
        LayerSource.Layer("Input = \"t, d\", Output = \"t, d\"", "public partial class PerStep")
            .Member("[Weight(\"t, d\")] partial Parameter W { get; }")
            .Member("public Tensor Call(Tensor inputs) => inputs * W;"),
        ModelSource.Sequential("Uses").Input("\"time\", 16").Layer("readonly PerStep step = [|new()|];"),
        "STK1074",
        "PerStep 'step': weight 'W' (t, d) needs 't' known at build time, found time in input (batch, time, 16)");

    [Fact]
    public void NonConstantConstructorArgument() => Single(
        LayerSource.MyCustomLayer(),
        ModelSource.Sequential("Uses").Layer("static int Units => 64;").Layer("readonly MyCustomLayer custom = new([|Units|]);"),
        "STK0004",
        "Argument 'units' of MyCustomLayer 'custom' must be a compile-time constant so shapes can be checked at build time, found 'Units'");

    // Exactly one diagnostic at the marked span (in the layer's file, or the model's when given),
    // no compiler errors besides, and a snapshot with the source line.
    private static void Single(
        LayerSource layer, ModelSource? model, string id, string message,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var layerMarkup = layer.Build();
        var modelMarkup = model?.Build();
        var run = GeneratorRunner.Run([layerMarkup.Text, .. modelMarkup is null ? [] : new[] { modelMarkup.Text }]);
        var (span, file) = modelMarkup is null ? (layerMarkup.Span, "Model0.cs") : (modelMarkup.Span, "Model1.cs");
        run.AssertDiagnostics(new ExpectedDiagnostic(id, message, span, file));
        run.AssertCompilerReports();
        Assert.True(run.Sources.All(s => s.SourceText.ToString().Contains("has errors: " + id) || !s.SourceText.ToString().Contains("has errors")));
        run.VerifyDiagnostics(sourceFile, method);
    }
}
