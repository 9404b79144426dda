using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>The errors Keras raises for the activation layers, cropping and spatial dropout, at the argument.</summary>
public sealed class ActivationAndCroppingDiagnosticsTests
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
    public void NegativeReLUMaxValue() => DiagnosticCheck.Single(
        Model("8", "readonly ReLU relu = new([|maxValue: -1|]);"),
        "STK0010",
        "ReLU 'relu': maxValue must be null or at least 0, found -1.0");

    [Fact]
    public void NegativeLeakyReLUSlope() => DiagnosticCheck.Single(
        Model("8", "readonly LeakyReLU leaky = new([|-0.2|]);"),
        "STK0010",
        "LeakyReLU 'leaky': negativeSlope must be at least 0, found -0.2");

    [Fact]
    public void PReLUSharedAlongTheBatch() => DiagnosticCheck.Single(
        Model("8", "readonly PReLU prelu = new([|[0]|]);"),
        "STK0010",
        "PReLU 'prelu': sharedAxes must be feature axes (1 or more: the batch is axis 0), found [0]");

    [Fact]
    public void PReLUSharedAlongAnAxisOutsideTheInput() => DiagnosticCheck.Single(
        Model("4, 8", "readonly PReLU prelu = new([|sharedAxes: [3]|]);"),
        "STK1009",
        "PReLU 'prelu': axis 3 must name a non-batch axis of an input of rank 3 (batch included), found (batch, 4, 8)");

    [Fact]
    public void SoftmaxOverTheBatch() => DiagnosticCheck.Single(
        Model("4, 8", "readonly Softmax softmax = new([|0|]);"),
        "STK1009",
        "Softmax 'softmax': axis 0 must name a non-batch axis of an input of rank 3 (batch included), found (batch, 4, 8)");

    [Fact]
    public void CroppingEveryStep() => DiagnosticCheck.Single(
        Model("5, 8", "readonly Cropping1D crop = new([|(3, 3)|]);"),
        "STK1040",
        "Cropping1D 'crop': cropping 3 + 3 must be smaller than the input's steps, found (batch, 5, 8)");

    [Fact]
    public void CroppingEveryColumn() => DiagnosticCheck.Single(
        Model("5, 4, 3", "readonly Cropping2D crop = new((0, 0), [|(2, 2)|]);"),
        "STK1040",
        "Cropping2D 'crop': cropping 2 + 2 must be smaller than the input's width, found (batch, 5, 4, 3)");

    [Fact]
    public void NegativeCropping() => DiagnosticCheck.Single(
        Model("5, 8", "readonly Cropping1D crop = new([|(-1, 0)|]);"),
        "STK0010",
        "Cropping1D 'crop': cropping must be at least 0, found (-1, 0)");

    [Fact]
    public void SpatialDropoutOfTheWrongRank() => DiagnosticCheck.Single(
        Model("5, 8", "readonly SpatialDropout2D drop = [|new(0.5)|];"),
        "STK1003",
        "SpatialDropout2D 'drop' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 5, 8)");

    [Fact]
    public void SpatialDropoutRateAboveOne() => DiagnosticCheck.Single(
        Model("5, 8", "readonly SpatialDropout1D drop = new([|1.5|]);"),
        "STK0010",
        "SpatialDropout1D 'drop': rate must be in [0, 1], found 1.5");
}
