using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>Dropout's noiseShape: Keras' argument check (STK0010) and a mask that cannot broadcast (STK1060), at the argument.</summary>
public sealed class DropoutNoiseShapeDiagnosticsTests
{
    private static ModelSource Model(string input, string layer) =>
        ModelSource.Sequential().Input(input).Layer(layer).Layer("readonly Dense head = new(2);");

    [Fact]
    public void NoiseShapeWithAZeroEntry() => DiagnosticCheck.Single(
        Model("4, 8", "readonly Dropout drop = new(0.3, [|[null, 0, 8]|]);"),
        "STK0010",
        "Dropout 'drop': noiseShape must be positive sizes or null (Keras), found [null, 0, 8]");

    [Fact]
    public void NoiseShapeWithoutTheBatchEntry() => DiagnosticCheck.Single(
        Model("4, 8", "readonly Dropout drop = new(0.3, [|noiseShape: [1, 8]|]);"),
        "STK1060",
        "Dropout 'drop': noiseShape (1, 8) does not broadcast over the input (batch, 4, 8): it needs one entry per axis, batch included (3), found 2");

    [Fact]
    public void NoiseShapeThatDoesNotBroadcast() => DiagnosticCheck.Single(
        Model("4, 8", "readonly Dropout drop = new(0.3, [|noiseShape: [null, 1, 5]|]);"),
        "STK1060",
        "Dropout 'drop': noiseShape (None, 1, 5) does not broadcast over the input (batch, 4, 8): axis 2 must be 1, None or 8, found 5");

    [Fact]
    public void NonConstantNoiseShape() => DiagnosticCheck.Single(
        Model("4, 8", "readonly Dropout drop = new(0.3, [|Shape|]);").Layer("static readonly int?[] Shape = [null, 1, 8];"),
        "STK0004",
        "Argument 'noiseShape' of Dropout 'drop' must be a compile-time constant so shapes can be checked at build time, found 'Shape'");
}
