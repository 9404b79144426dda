using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK1003-STK1009: convolution, pooling, reshaping, normalization and recurrent layers on shapes they cannot take.</summary>
public sealed class LayerShapeDiagnosticsTests
{
    private static ModelSource Model(string input, params string[] layers)
    {
        var source = ModelSource.Sequential().Input(input);
        foreach (var layer in layers)
        {
            source = source.Layer(layer);
        }

        return source;
    }

    [Fact]
    public void Conv2DOnImagesWithoutChannels() => DiagnosticCheck.Single(
        Model("28, 28", "readonly Conv2D conv1 = [|new(32, (3, 3), Activation.Relu)|];"),
        "STK1003",
        "Conv2D 'conv1' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 28, 28)");

    [Fact]
    public void TransposedConvolutionWithAnEmptyOutputPointsAtOutputPadding() => DiagnosticCheck.Single(
        Model("1, 4, 3", "readonly Conv2DTranspose up = new(8, (2, 2), padding: Padding.Same, [|outputPadding: (0, 0)|]);"),
        "STK1011",
        "Conv2DTranspose 'up': input (batch, 1, 4, 3) gives an output of size 0 along height with kernel (2, 2), padding same and outputPadding (0, 0); the output needs at least 1 cell");

    [Fact]
    public void LstmOnFlatInput() => DiagnosticCheck.Single(
        Model("16", "readonly LSTM lstm = [|new(8)|];"),
        "STK1003",
        "LSTM 'lstm' takes an input of rank 3 (batch included) (batch, time, features), found (batch, 16)");

    [Fact]
    public void PoolingOnAFlatVector() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Flatten flatten = new();", "readonly MaxPooling1D pool = [|new()|];"),
        "STK1003",
        "MaxPooling1D 'pool' takes an input of rank 3 (batch included) (batch, steps, channels), found (batch, 784)");

    [Fact]
    public void GlobalPoolingOfTheWrongRank() => DiagnosticCheck.Single(
        Model("10, 4", "readonly GlobalAveragePooling2D mean = [|new()|];"),
        "STK1003",
        "GlobalAveragePooling2D 'mean' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 10, 4)");

    [Fact]
    public void ConvolutionWithSymbolicChannels() => DiagnosticCheck.Single(
        Model("28, 28, \"channels\"", "readonly Conv2D conv1 = [|new(8, 3)|];"),
        "STK1004",
        "Conv2D 'conv1' needs a known channels dimension, found (batch, 28, 28, channels)");

    [Fact]
    public void RecurrentLayerWithUnknownFeatures() => DiagnosticCheck.Single(
        Model("\"time\", \"features\"", "readonly GRU gru = [|new(4)|];"),
        "STK1004",
        "GRU 'gru' needs a known features dimension, found (batch, time, features)");

    [Fact]
    public void KernelLargerThanItsInput() => DiagnosticCheck.Single(
        Model(
            "12, 12, 1",
            "readonly Conv2D conv1 = new(4, 5);",
            "readonly MaxPooling2D pool = new(4);",
            "readonly Conv2D conv2 = new(8, [|kernelSize: (5, 5)|]);"),
        "STK1005",
        "Conv2D 'conv2': kernel (5, 5) is larger than its input (2, 2) with padding valid");

    [Fact]
    public void DilatedKernelLargerThanItsInput() => DiagnosticCheck.Single(
        Model("6, 3", "readonly Conv1D conv = new(4, [|3|], dilationRate: 3);"),
        "STK1005",
        "Conv1D 'conv': kernel 3 (dilated to 7) is larger than its input 6 with padding valid");

    [Fact]
    public void PoolLargerThanItsInput() => DiagnosticCheck.Single(
        Model("3, 3, 2", "readonly MaxPooling2D pool = new([|(4, 2)|]);"),
        "STK1005",
        "MaxPooling2D 'pool': pool (4, 2) is larger than its input (3, 3) with padding valid");

    [Fact]
    public void GroupsThatDoNotDivideTheChannels() => DiagnosticCheck.Single(
        Model("8, 8, 3", "readonly Conv2D conv = new(4, 3, [|groups: 2|]);"),
        "STK1006",
        "Conv2D 'conv': groups 2 must divide the input channels, found 3 channels in (batch, 8, 8, 3)");

    [Fact]
    public void ReshapeToTheWrongSize() => DiagnosticCheck.Single(
        Model("28, 28", "readonly Reshape grid = new([|7, 7, 8|]);"),
        "STK1007",
        "Reshape 'grid': target (batch, 7, 7, 8) needs 392 elements, found input (batch, 28, 28) with 784 elements");

    [Fact]
    public void ReshapeWhoseFreeDimensionDoesNotDivide() => DiagnosticCheck.Single(
        Model("10", "readonly Reshape grid = new([|[3, -1]|]);"),
        "STK1007",
        "Reshape 'grid': target (batch, 3, -1) needs a multiple of 3 elements, found input (batch, 10) with 10 elements");

    [Fact]
    public void PermuteOfTheWrongRank() => DiagnosticCheck.Single(
        Model("4, 5, 6", "readonly Permute swap = new([|2, 1|]);"),
        "STK1008",
        "Permute 'swap': dims (2, 1) must permute all 3 non-batch axes, found input (batch, 4, 5, 6)");

    [Fact]
    public void BatchNormalizationAxisOutsideTheInput() => DiagnosticCheck.Single(
        Model("10", "readonly BatchNormalization norm = new([|axis: 2|]);"),
        "STK1009",
        "BatchNormalization 'norm': axis 2 must name a non-batch axis of an input of rank 2 (batch included), found (batch, 10)");

    [Fact]
    public void LayerNormalizationOverTheBatch() => DiagnosticCheck.Single(
        Model("4, 6", "readonly LayerNormalization norm = new([|[0, 2]|]);"),
        "STK1009",
        "LayerNormalization 'norm': axis [0, 2] must name a non-batch axis of an input of rank 3 (batch included), found (batch, 4, 6)");

    [Fact]
    public void LayerNormalizationAxisNamedTwice() => DiagnosticCheck.Single(
        Model("4", "readonly LayerNormalization norm = new([|[-1, 1]|]);"),
        "STK1012",
        "LayerNormalization 'norm': axis [-1, 1] names axis 1 twice on an input of rank 2 (batch included), found (batch, 4); Keras rejects duplicate axes");

    [Fact]
    public void FlattenOverSymbolicTimeIsReportedAtTheDense() => DiagnosticCheck.Single(
        Model("\"time\", 8", "readonly Conv1D conv = new(4, 3);", "readonly Flatten flatten = new();", "readonly Dense dense = [|new(2)|];"),
        "STK1001",
        "Dense 'dense' needs a known last dimension, found (batch, None)");

    [Fact]
    public void EmbeddingAfterAFloatLayer() => DiagnosticCheck.Single(
        Model("10", "readonly Dense project = new(10);", "readonly Reshape again = new(10);", "readonly Embedding embed = [|new(100, 8)|];"),
        "STK1010",
        "Embedding 'embed' needs integer indices from the model's input, found the float output of Dense 'project'; put the Embedding first (only Flatten, Reshape or Permute may come before it)");

    [Fact]
    public void EmbeddingAfterLayoutLayersIsFine()
    {
        var run = GeneratorRunner.Run(Model("4, 5", "readonly Flatten flatten = new();", "readonly Reshape pairs = new(10, 2);", "readonly Embedding embed = new(100, 8);").Build().Text).AssertClean();

        Assert.Matches(@"var x3 = embed\.Call\(x2\); +// \(batch, 10, 2, 8\)\n", run.SingleSource);
    }
}
