using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>The errors Keras raises for its preprocessing Normalization, at the argument.</summary>
public sealed class NormalizationDiagnosticsTests
{
    private static ModelSource Model(string input, string layer) =>
        ModelSource.Sequential().Input(input).Layer(layer).Layer("readonly Dense output = new(1);");

    [Fact]
    public void StatisticsThatDoNotBroadcast() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new([|mean: [1.0, 2.0]|], variance: [1.0, 1.0]);"),
        "STK1050",
        "Normalization 'norm': mean and variance of 2 values do not broadcast to the kept axes' sizes (3) of (batch, 3); give one value per index of the last kept axis, or a single value");

    [Fact]
    public void MeanWithoutVariance() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new([|mean: [1.0, 2.0, 3.0]|]);"),
        "STK0010",
        "Normalization 'norm': mean must be given together with variance (Keras: both or neither), found variance null");

    [Fact]
    public void VarianceOfAnotherLength() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new(mean: [1.0, 2.0, 3.0], [|variance: [1.0]|]);"),
        "STK0010",
        "Normalization 'norm': variance must be as many values as mean (3), found 1");

    [Fact]
    public void SeveralValuesForOneMeanOfEverything() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new(axis: [], [|mean: [1.0, 2.0, 3.0]|], variance: [1.0, 1.0, 1.0]);"),
        "STK0010",
        "Normalization 'norm': mean must be a single value with axis [] (Keras: the rank of mean at most the number of axes), found 3 values");

    [Fact]
    public void TheBatchAxis() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new([|[0]|]);"),
        "STK0010",
        "Normalization 'norm': axis must be feature axes (the batch is axis 0, its size unknown), found [0]");

    [Fact]
    public void AnAxisOutsideTheInput() => DiagnosticCheck.Single(
        Model("3", "readonly Normalization norm = new([|[2]|]);"),
        "STK1009",
        "Normalization 'norm': axis 2 must name a non-batch axis of an input of rank 2 (batch included), found (batch, 3)");

    [Fact]
    public void AnUnknownKeptAxis() => DiagnosticCheck.Single(
        Model("\"time\", 3", "readonly Normalization norm = [|new([1, 2])|];"),
        "STK1004",
        "Normalization 'norm' needs a known axis 1 dimension, found (batch, time, 3)");

    [Fact]
    public void NonConstantStatistics() => DiagnosticCheck.Single(
        Model("3", "static readonly double[] Means = [1, 2, 3];\n    readonly Normalization norm = new([|mean: Means|], variance: [1.0, 1, 1]);"),
        "STK0004",
        "Argument 'mean' of Normalization 'norm' must be a compile-time constant so shapes can be checked at build time, found 'Means'");
}
