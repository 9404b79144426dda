using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK0080: [ExportOnnx] turns a layer the ONNX export cannot write into a build error on that layer.</summary>
public sealed class OnnxExportDiagnosticsTests
{
    private static ModelSource Exported(string input, string layer) =>
        ModelSource.Sequential().Input(input).Attribute("ExportOnnx").Layer(layer).Layer("readonly Dense head = new(2);");

    [Fact]
    public void RecurrentActivationOnnxCannotName() => DiagnosticCheck.Single(
        Exported("7, 3", "readonly LSTM lstm = new(4, [|Activation.Selu|]);"),
        "STK0080",
        "LSTM 'lstm' has no ONNX form: its activation selu is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus); [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void GateActivationOnnxCannotName() => DiagnosticCheck.Single(
        Exported("7, 3", "readonly GRU gru = new(4, [|recurrentActivation: Activation.Gelu|]);"),
        "STK0080",
        "GRU 'gru' has no ONNX form: its recurrent activation gelu is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus); [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void BatchNormalizationOverAnotherAxis() => DiagnosticCheck.Single(
        Exported("6, 4", "readonly BatchNormalization norm = new([|axis: 1|]);"),
        "STK0080",
        "BatchNormalization 'norm' has no ONNX form: it normalizes axis 1; the export folds axis -1 only; [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void DepthwiseAndSeparableConvolutionsAreClean() =>
        GeneratorRunner.Run(ModelSource.Sequential().Input("6, 6, 2").Attribute("ExportOnnx")
            .Layer("readonly DepthwiseConv2D depthwise = new(3, depthMultiplier: 2);")
            .Layer("readonly SeparableConv2D separable = new(4, 2, padding: Padding.Same);")
            .Layer("readonly Flatten flatten = new();").Layer("readonly Dense head = new(2);").Build().Text).AssertClean();

    [Fact]
    public void SamePaddingWithStridesAndDilation() => DiagnosticCheck.Single(
        Exported("9, 9, 2", "readonly SeparableConv2D separable = new(4, 3, strides: 2, [|padding: Padding.Same|], dilationRate: 2);"),
        "STK0080",
        "SeparableConv2D 'separable' has no ONNX form: it pads 'same' with strides and dilation both above 1, an amount ONNX's Conv cannot pad without the input's size; [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    // The Transformer sample's shape: a padding mask from the embedding into MultiHeadAttention, Attention and the masked mean.
    [Fact]
    public void AttentionLayersAndTheMaskedMeanTakeTheEmbeddingsMask() =>
        GeneratorRunner.Run(GraphSource.Model().Attribute("ExportOnnx")
            .Layer("readonly Embedding tokens = new(12, 8, maskZero: true);")
            .Layer("readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 4, useCausalMask: true);")
            .Layer("readonly Attention luong = new();")
            .Layer("readonly GlobalAveragePooling1D pool = new();")
            .Graph("[Graph]", "Tensor Call([Input(\"time\")] Tensor ids) { var x = tokens.Call(ids); return pool.Call(luong.Call(x, attention.Call(x, x))); }")
            .Build().Text).AssertClean();

    [Fact]
    public void CustomLayer() => DiagnosticCheck.Single(
        Exported("6", "readonly Doubler twice = [|new()|];").After("""

            [Layer(Input = "..., d", Output = "..., d")]
            public partial class Doubler
            {
                public TorchSharp.torch.Tensor Call(TorchSharp.torch.Tensor inputs) => inputs * 2;
            }
            """),
        "STK0080",
        "Doubler 'twice' has no ONNX form: a custom layer's Call is C# code, which ONNX cannot express; [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    // A functional model calling model Inner (declared after it) as a layer.
    private static GraphSource WithInner(string member, string innerLayers) =>
        GraphSource.Model().Attribute("ExportOnnx").Layer(member).Layer("readonly Dense head = new(2);")
            .Graph("[Graph]", "Tensor Call([Input(6)] Tensor x) => head.Call(inner.Call(x));")
            .After($$"""

                [Sequential, Input(6)]
                public partial class Inner
                {
                    {{innerLayers}}
                }

                [Layer(Input = "..., d", Output = "..., d")]
                public partial class Doubler
                {
                    public TorchSharp.torch.Tensor Call(TorchSharp.torch.Tensor inputs) => inputs * 2;
                }
                """);

    [Fact]
    public void NestedModelWithALayerWithoutOnnxForm() => DiagnosticCheck.Single(
        WithInner("readonly Inner inner = [|new()|];", "readonly Dense code = new(4); readonly Doubler twice = new();"),
        "STK0080",
        "Inner 'inner' has no ONNX form: its layer 'twice' (Doubler): a custom layer's Call is C# code, which ONNX cannot express; [ExportOnnx] on 'Net' asks for an ONNX export");

    [Fact]
    public void ANestedModelOfExportableLayersIsClean() =>
        GeneratorRunner.Run(WithInner("readonly Inner inner = new();", "readonly Dense code = new(4, Activation.Tanh);").Build().Text).AssertClean();

    [Fact]
    public void ALayerThatCanTakeAMaskAnotherMakes() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("6").Attribute("ExportOnnx")
            .Layer("readonly Embedding embed = new(12, 4, maskZero: true);").Layer("readonly LSTM lstm = [|new(3)|];"),
        "STK0080",
        "LSTM 'lstm' has no ONNX form: it can take the mask layer 'embed' makes, and ONNX's recurrent operators cannot skip masked steps; [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void ExportableLayersAndNoAttributeAreClean()
    {
        GeneratorRunner.Run(ModelSource.Sequential().Input("7, 3").Attribute("ExportOnnx")
            .Layer("readonly LSTM lstm = new(4, returnSequences: true);").Layer("readonly GRU gru = new(3, Activation.Relu);")
            .Layer("readonly Dense head = new(2, Activation.Gelu);").Build().Text).AssertClean();
        GeneratorRunner.Run(ModelSource.Sequential().Input("7, 3")
            .Layer("readonly LSTM lstm = new(4, Activation.Selu);").Layer("readonly Dense head = new(2);").Build().Text).AssertClean();
    }
}
