using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>The errors Keras raises for DepthwiseConv2D and SeparableConv2D, at the argument.</summary>
public sealed class DepthwiseConvDiagnosticsTests
{
    private static ModelSource Model(string input, string layer) => ModelSource.Sequential().Input(input).Layer(layer);

    [Fact]
    public void ZeroDepthMultiplier() => DiagnosticCheck.Single(
        Model("9, 9, 3", "readonly DepthwiseConv2D depthwise = new(3, [|depthMultiplier: 0|]);"),
        "STK0010",
        "DepthwiseConv2D 'depthwise': depthMultiplier must be a positive int, found 0");

    [Fact]
    public void ZeroSeparableFilters() => DiagnosticCheck.Single(
        Model("9, 9, 3", "readonly SeparableConv2D separable = new([|0|], 3);"),
        "STK0010",
        "SeparableConv2D 'separable': filters must be a positive int, found 0");

    [Fact]
    public void CausalPadding() => DiagnosticCheck.Single(
        Model("9, 9, 3", "readonly SeparableConv2D separable = new(4, 3, [|padding: Padding.Causal|]);"),
        "STK0010",
        "SeparableConv2D 'separable': padding must be Valid or Same, found Causal");

    [Fact]
    public void KernelLargerThanItsInput() => DiagnosticCheck.Single(
        Model("9, 4, 3", "readonly DepthwiseConv2D depthwise = new([|(3, 5)|]);"),
        "STK1005",
        "DepthwiseConv2D 'depthwise': kernel (3, 5) is larger than its input (9, 4) with padding valid");

    [Fact]
    public void OnSequences() => DiagnosticCheck.Single(
        Model("9, 3", "readonly SeparableConv2D separable = [|new(4, 3)|];"),
        "STK1003",
        "SeparableConv2D 'separable' takes an input of rank 4 (batch included) (batch, height, width, channels), found (batch, 9, 3)");
}
