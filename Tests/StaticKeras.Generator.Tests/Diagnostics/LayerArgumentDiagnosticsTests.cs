using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK0004 and STK0010 for the convolution, pooling, reshaping, normalization and recurrent layers' arguments.</summary>
public sealed class LayerArgumentDiagnosticsTests
{
    private static ModelSource Model(string input, string layer) => ModelSource.Sequential().Input(input).Layer(layer);

    [Fact]
    public void NonConstantTupleElement() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Conv2D conv = new(8, [|(Size, 3)|]);").Layer("static readonly int Size = 3;"),
        "STK0004",
        "Argument 'kernelSize' of Conv2D 'conv' must be a compile-time constant so shapes can be checked at build time, found '(Size, 3)'");

    [Fact]
    public void NonConstantReshapeTarget() => DiagnosticCheck.Single(
        Model("28, 28", "readonly Reshape grid = new([|Target|]);").Layer("static readonly int[] Target = [784];"),
        "STK0004",
        "Argument 'targetShape' of Reshape 'grid' must be a compile-time constant so shapes can be checked at build time, found 'Target'");

    [Fact]
    public void ZeroFilters() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Conv2D conv = new([|0|], 3);"),
        "STK0010",
        "Conv2D 'conv': filters must be a positive int, found 0");

    [Fact]
    public void ZeroKernel() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Conv2D conv = new(8, [|(0, 3)|]);"),
        "STK0010",
        "Conv2D 'conv': kernelSize must be positive, found (0, 3)");

    [Fact]
    public void StridesWithDilation() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Conv2D conv = new(8, 3, strides: 2, [|dilationRate: 2|]);"),
        "STK0010",
        "Conv2D 'conv': dilationRate must be 1 when strides are above 1 (Keras rejects both), found (2, 2) with strides (2, 2)");

    [Fact]
    public void GroupsThatDoNotDivideFilters() => DiagnosticCheck.Single(
        Model("28, 28, 4", "readonly Conv2D conv = new(6, 3, [|groups: 4|]);"),
        "STK0010",
        "Conv2D 'conv': groups must be a positive divisor of filters 6, found 4");

    [Fact]
    public void CausalPaddingOnConv2D() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly Conv2D conv = new(8, 3, [|padding: Padding.Causal|]);"),
        "STK0010",
        "Conv2D 'conv': padding must be Valid or Same (Causal is for Conv1D), found Causal");

    [Fact]
    public void OutputPaddingNotBelowStrides() => DiagnosticCheck.Single(
        Model("7, 7, 4", "readonly Conv2DTranspose up = new(4, 3, strides: 2, [|outputPadding: (1, 2)|]);"),
        "STK0010",
        "Conv2DTranspose 'up': outputPadding must be at least 0 and below strides (2, 2), found (1, 2)");

    [Fact]
    public void NegativeZeroPadding() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly ZeroPadding2D pad = new([|(1, -1)|], (0, 0));"),
        "STK0010",
        "ZeroPadding2D 'pad': height must be at least 0, found (1, -1)");

    [Fact]
    public void NegativeSymmetricZeroPadding() => DiagnosticCheck.Single(
        Model("28, 28, 1", "readonly ZeroPadding2D pad = new([|padding: -1|]);"),
        "STK0010",
        "ZeroPadding2D 'pad': padding must be at least 0, found (-1, -1)");

    [Fact]
    public void MomentumOutsideZeroOne() => DiagnosticCheck.Single(
        Model("10", "readonly BatchNormalization norm = new([|momentum: 1.5|]);"),
        "STK0010",
        "BatchNormalization 'norm': momentum must be in [0, 1], found 1.5");

    [Fact]
    public void ReshapeWithTwoFreeDimensions() => DiagnosticCheck.Single(
        Model("10", "readonly Reshape grid = new([|-1, -1|]);"),
        "STK0010",
        "Reshape 'grid': targetShape must be positive sizes and at most one -1, found (batch, -1, -1)");

    [Fact]
    public void PermuteThatIsNotAPermutation() => DiagnosticCheck.Single(
        Model("4, 5", "readonly Permute swap = new([|[1, 3]|]);"),
        "STK0010",
        "Permute 'swap': dims must be a permutation of 1..2, found (1, 3)");

    [Fact]
    public void ZeroUnits() => DiagnosticCheck.Single(
        Model("5, 3", "readonly LSTM lstm = new([|0|]);"),
        "STK0010",
        "LSTM 'lstm': units must be a positive int, found 0");

    [Fact]
    public void ZeroVocabulary() => DiagnosticCheck.Single(
        Model("5", "readonly Embedding embed = new([|0|], 4);"),
        "STK0010",
        "Embedding 'embed': inputDim must be a positive int, found 0");

    [Fact]
    public void ZeroUpSampling() => DiagnosticCheck.Single(
        Model("4, 4, 1", "readonly UpSampling2D up = new([|0|]);"),
        "STK0010",
        "UpSampling2D 'up': size must be positive, found (0, 0)");
}
