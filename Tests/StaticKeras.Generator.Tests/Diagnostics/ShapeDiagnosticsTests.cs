using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK1001, STK1002: layers on shapes they cannot take, reported at the layer's initializer.</summary>
public sealed class ShapeDiagnosticsTests
{
    [Fact]
    public void DenseOnSymbolicLastDimension()
    {
        var run = DiagnosticCheck.Single(
            ModelSource.Sequential().Input("\"time\", \"features\"").Layer("readonly Dense hidden = [|new(10)|];"),
            "STK1001",
            "Dense 'hidden' needs a known last dimension, found (batch, time, features)");

        Assert.Contains("model has errors: STK1001", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void DenseAfterFlattenOfSymbolicShape() => DiagnosticCheck.Single(
        ModelSource.Sequential()
            .Input("\"height\", 28")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense hidden = [|new Dense(128, Activation.Relu)|];"),
        "STK1001",
        "Dense 'hidden' needs a known last dimension, found (batch, None)");

    [Fact]
    public void OnlyTheFirstShapeErrorIsReported() => DiagnosticCheck.Single(
        ModelSource.Sequential()
            .Input("\"time\", \"features\"")
            .Layer("readonly Dense first = [|new(10)|];")
            .Layer("readonly Dense second = new(5);"),
        "STK1001",
        "Dense 'first' needs a known last dimension, found (batch, time, features)");

    [Fact]
    public void DenseOnScalarInput() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input(string.Empty).Layer("readonly Dense hidden = [|new(10)|];"),
        "STK1002",
        "Dense 'hidden' needs an input of rank 2 or more (batch included), found (batch)");

    [Fact]
    public void FlattenOfScalarInputGivesOneFeature()
    {
        var run = GeneratorRunner.Run(ModelSource.Sequential().Input(string.Empty)
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense output = new(1);").Build().Text).AssertClean();

        Assert.Contains("output.Build(1);  // kernel (1, 1), bias (1,)", run.SingleSource);
    }
}
