using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.CustomLayers;

/// <summary>The generated part of <c>[Layer]</c> classes, and models using them: snapshots that must compile cleanly.</summary>
public sealed class CustomLayerGenerationTests
{
    [Fact]
    public void MyCustomLayer()
    {
        var run = GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text).AssertClean();

        Assert.Equal("Samples.MyCustomLayer.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }

    [Fact]
    public void CustomMlpUsesTheContractForShapesSummaryAndBuild()
    {
        var model = ModelSource.Sequential("CustomMlp")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly MyCustomLayer custom = new(64);")
            .Layer("readonly ActivationLayer relu = new(Activation.Relu);")
            .Layer("readonly Dense output = new(10, Activation.Softmax);");

        var run = GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text, model.Build().Text).AssertClean();

        Assert.Equal(["Samples.CustomMlp.g.cs", "Samples.MyCustomLayer.g.cs"], run.Sources.Select(s => s.HintName).Order());
        var source = run.Sources.Single(s => s.HintName == "Samples.CustomMlp.g.cs").SourceText.ToString();
        Assert.Contains("custom.Build(784);  // W (784, 64), B (64,)", source);
        Assert.Contains("│ custom (MyCustomLayer)          │ (None, 64)             │        50,240 │", source);
        run.VerifySources();
    }

    [Fact]
    public void ArithmeticLiteralsAndConstructorParametersInSignatures()
    {
        var layer = LayerSource.Layer("Input = \"t, d\", Output = \"t, 2 * d + heads, (d - 4) / 2\"", "public partial class Mixer(int heads)")
            .Member("[Weight(\"d, heads * 2\")] public partial Parameter Projection { get; }")
            .Member("public Tensor Call(Tensor inputs) => inputs;");
        var model = ModelSource.Sequential("Tiny")
            .Input("\"time\", 8")
            .Layer("readonly Mixer mix = new(heads: 3);");

        var run = GeneratorRunner.Run(layer.Build().Text, model.Build().Text).AssertClean();

        var source = run.Sources.Single(s => s.HintName == "Samples.Tiny.g.cs").SourceText.ToString();
        Assert.Contains("mix.Build(-1, 8);  // Projection (8, 6)", source);
        Assert.Contains("var x1 = mix.Call(inputs, training);  // (batch, time, 19, 2)", source);
        run.VerifySources();
    }

    [Fact]
    public void WeightlessLayerInTheGlobalNamespaceIsNotBuiltByTheModel()
    {
        var layer = "using StaticKeras;\nusing static TorchSharp.torch;\n\n[Layer(Input = \"h, w\", Output = \"w, h\")]\npublic partial class Transpose\n{\n    public Tensor Call(Tensor inputs) => inputs.transpose(1, 2);\n}\n";
        var model = ModelSource.Sequential("Turn").Input("28, 14").Layer("readonly Transpose turn = new();");

        var run = GeneratorRunner.Run(layer, model.Build().Text).AssertClean();

        var source = run.Sources.Single(s => s.HintName == "Samples.Turn.g.cs").SourceText.ToString();
        Assert.DoesNotContain("turn.Build", source);
        Assert.Contains("var x1 = turn.Call(inputs, training);  // (batch, 14, 28)", source);
        run.VerifySources();
    }

    [Fact]
    public void LayerWithErrorsGetsMembersThatThrow()
    {
        var layer = LayerSource.Layer("Input = \"..., d\", Output = \"..., units\"", "public partial class Broken(int units)")
            .Member("[Weight(\"d, k\")] partial Parameter W { get; }")
            .Member("public Tensor Call(Tensor inputs) => inputs.matmul(W) * units;");

        var run = GeneratorRunner.Run(layer.Build().Text).AssertCompiles();

        Assert.Equal(["STK0051"], run.Diagnostics.Select(d => d.Id));
        Assert.Contains("layer has errors: STK0051", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void HandWrittenBackwardGoesThroughCallWithBackward()
    {
        var layer = LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Scaled")
            .Member("[Weight(\"d\", Initializer.Ones)] partial Parameter S { get; }")
            .Member("public Tensor Call(Tensor inputs) => inputs * S;")
            .Member("public Tensor Backward(Tensor inputs, Tensor gradOutput)")
            .Member("{")
            .Member("    AddGradient(S, (inputs * gradOutput).reshape(-1, inputs.shape[^1]).sum([0L]));")
            .Member("    return gradOutput * S;")
            .Member("}");

        var run = GeneratorRunner.Run(layer.Build().Text).AssertClean();

        Assert.Contains("base.CheckOutput(inputs, base.CallWithBackward(inputs, x => Call(x), (x, gradOutput) => Backward(x, gradOutput)));", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void ExportOnnxGivesTheLayerItsOnnxForm()
    {
        var layer = LayerSource.Layer("Input = \"..., d\", Output = \"..., d\"", "public partial class Scaled")
            .Member("[Weight(\"d\", Initializer.Ones)] partial Parameter S { get; }")
            .Member("public Tensor Call(Tensor inputs) => nn.functional.relu(inputs * S);")
            .Member("public StaticKeras.Export.Onnx.OnnxValue ExportOnnx(StaticKeras.Export.Onnx.OnnxBuilder onnx, StaticKeras.Export.Onnx.OnnxValue inputs) =>")
            .Member("    onnx.Relu(onnx.Mul(inputs, onnx.Weight(S)));");

        var run = GeneratorRunner.Run(layer.Build().Text).AssertClean();

        Assert.Contains("protected override global::StaticKeras.Export.Onnx.OnnxValue ExportOnnxCore(global::StaticKeras.Export.Onnx.OnnxBuilder onnx, global::StaticKeras.Export.Onnx.OnnxValue inputs) => ExportOnnx(onnx, inputs);", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void LayerWithoutExportOnnxDoesNotDeclareAnOnnxForm() =>
        Assert.DoesNotContain("DeclaresOnnxForm", GeneratorRunner.Run(LayerSource.MyCustomLayer().Build().Text).AssertClean().SingleSource);

    [Fact]
    public void LayerFromAReferencedAssembly()
    {
        var library = GeneratorRunner.Run("LayerLibrary", References.All, LayerSource.MyCustomLayer().Build().Text);
        var compiled = CSharpGeneratorDriver.Create(new ModelGenerator().AsSourceGenerator())
            .RunGeneratorsAndUpdateCompilation(library.Input, out var withLayer, out _);
        Assert.Empty(withLayer.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var model = ModelSource.Sequential("CustomMlp").Layer("readonly Flatten flatten = new();").Layer("readonly MyCustomLayer custom = new(64);");

        var run = GeneratorRunner.Run(GeneratorRunner.DefaultAssemblyName, [.. References.All, withLayer.ToMetadataReference()], model.Build().Text).AssertClean();

        Assert.Contains("custom.Build(784);  // W (784, 64), B (64,)", run.SingleSource);
    }
}
