using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>
/// The errors Keras raises for TimeDistributed and Bidirectional, at the wrapper's argument or the wrapped
/// layer's own: a wrapped layer that cannot take a time slice reports its own error, named <c>member.layer</c>.
/// </summary>
public sealed class WrapperDiagnosticsTests
{
    private static ModelSource Model(string input, string layer) => ModelSource.Sequential().Input(input).Layer(layer);

    [Fact]
    public void TimeDistributedOnAFlatInput() => DiagnosticCheck.Single(
        Model("16", "readonly TimeDistributed td = [|new(new Dense(4))|];"),
        "STK1002",
        "TimeDistributed 'td' needs an input of rank 3 or more (batch included), found (batch, 16)");

    [Fact]
    public void TimeDistributedConvolutionOnSequencesReportsTheConvolutionsRank() => DiagnosticCheck.Single(
        Model("5, 8", "readonly TimeDistributed td = new([|new Conv2D(2, (3, 3))|]);"),
        "STK1003",
        "Conv2D 'td.layer' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 8)");

    [Fact]
    public void TimeDistributedKernelLargerThanAFrame() => DiagnosticCheck.Single(
        Model("4, 3, 3, 1", "readonly TimeDistributed td = new(new Conv2D(2, [|(5, 5)|]));"),
        "STK1005",
        "Conv2D 'td.layer': kernel (5, 5) is larger than its input (3, 3) with padding valid");

    [Fact]
    public void TimeDistributedWrappedArgumentOutOfRange() => DiagnosticCheck.Single(
        Model("5, 8", "readonly TimeDistributed td = new(new Dense([|0|]));"),
        "STK0010",
        "Dense 'td.layer': units must be a positive int, found 0");

    [Fact]
    public void TimeDistributedOfALayerNotCreatedInTheArgument() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("5, 8").Layer("static Dense Projection() => new(4);").Layer("readonly TimeDistributed td = new([|Projection()|]);"),
        "STK0010",
        "TimeDistributed 'td': layer must be a new layer created in the argument (new Dense(...)), found Projection()");

    [Fact]
    public void RegularizerInsideAWrapper() => DiagnosticCheck.Single(
        Model("5, 8", "readonly TimeDistributed td = new(new Dense(4, [|kernelRegularizer: Regularizer.L2(0.01)|]));"),
        "STK0010",
        "Dense 'td.layer': kernelRegularizer must be no regularizer inside TimeDistributed (not supported yet), found kernelRegularizer: Regularizer.L2(0.01)");

    [Fact]
    public void BidirectionalOnAFlatInput() => DiagnosticCheck.Single(
        Model("16", "readonly Bidirectional bi = [|new(new LSTM(4))|];"),
        "STK1003",
        "Bidirectional 'bi' takes an input of rank 3 (batch included) (batch, timesteps, features), found (batch, 16)");

    [Fact]
    public void BidirectionalWithUnknownFeaturesReportsTheForwardLayer() => DiagnosticCheck.Single(
        Model("\"time\", \"features\"", "readonly Bidirectional bi = new([|new GRU(4)|]);"),
        "STK1004",
        "GRU 'bi.forward_layer' needs a known features dimension, found (batch, time, features)");

    [Fact]
    public void BackwardLayerThatDoesNotReturnSequences() => DiagnosticCheck.Single(
        Model("6, 3", "readonly Bidirectional bi = new(new LSTM(4, returnSequences: true), [|backwardLayer: new LSTM(4)|]);"),
        "STK0010",
        "Bidirectional 'bi': backwardLayer must be returnSequences: true, as the forward layer's (Keras), found returnSequences: false");

    [Fact]
    public void SummedDirectionsOfDifferentUnits() => DiagnosticCheck.Single(
        Model("6, 3", "readonly Bidirectional bi = new(new GRU(4), MergeMode.Sum, [|new GRU(3)|]);"),
        "STK0010",
        "Bidirectional 'bi': backwardLayer must be 4 units, as the forward layer's, for merge mode Sum, found 3 units");

    [Fact]
    public void BidirectionalWithABackwardLayerOfItsOwnHasNoOnnxForm() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("6, 3").Attribute("ExportOnnx").Layer("readonly Bidirectional bi = new(new LSTM(4), backwardLayer: [|new LSTM(2)|]);"),
        "STK0080",
        "Bidirectional 'bi' has no ONNX form: its backward layer is configured otherwise than its forward layer; one ONNX operator runs both directions; [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void BidirectionalHasTheOnnxFormOfItsLayer() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("6, 3").Attribute("ExportOnnx").Layer("readonly Bidirectional bi = new(new GRU(4, [|Activation.Selu|]));"),
        "STK0080",
        "Bidirectional 'bi' has no ONNX form: its wrapped GRU: its activation selu is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus); [ExportOnnx] on 'MnistMlp' asks for an ONNX export");

    [Fact]
    public void TimeDistributedHasTheOnnxFormOfItsLayer() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("5, 6, 3").Attribute("ExportOnnx").Layer("readonly TimeDistributed td = new(new LSTM(4, [|Activation.Selu|]));"),
        "STK0080",
        "TimeDistributed 'td' has no ONNX form: its wrapped LSTM: its activation selu is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus); [ExportOnnx] on 'MnistMlp' asks for an ONNX export");
}
