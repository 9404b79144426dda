using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>Merge layers in a graph: residual connections and branches joined, and their shape errors at the call.</summary>
public sealed class MergeGraphTests
{
    /// <summary>The residual sample's shape: a stem, one residual block (Add of the block and its input), a head.</summary>
    public static GraphSource Residual() => GraphSource.Model("ResidualNet")
        .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
        .Layer("readonly Conv2D stem = new(16, (3, 3), Activation.Relu, padding: Padding.Same);")
        .Layer("readonly Conv2D conv1 = new(16, (3, 3), Activation.Relu, padding: Padding.Same);")
        .Layer("readonly Conv2D conv2 = new(16, (3, 3), padding: Padding.Same);")
        .Layer("readonly Add add = new();")
        .Layer("readonly ActivationLayer relu = new(Activation.Relu);")
        .Layer("readonly MaxPooling2D pool = new((2, 2));")
        .Layer("readonly GlobalAveragePooling2D gap = new();")
        .Layer("readonly Dense classifier = new(10, Activation.Softmax);")
        .Graph(
            "[Graph]",
            "Tensor Call([Input(28, 28, 1)] Tensor image)",
            "{",
            "    var x = stem.Call(image);",
            "    var shortcut = x;",
            "    x = conv2.Call(conv1.Call(x));",
            "    x = relu.Call(add.Call(x, shortcut));",
            "    return classifier.Call(gap.Call(pool.Call(x)));",
            "}");

    [Fact]
    public void ResidualBlockWithAdd() =>
        GeneratorRunner.Run(Residual().Build().Text).AssertClean().VerifySources();

    [Fact]
    public void BranchesJoinedByConcatenateAndAShapeBroadcastingMultiply()
    {
        var source = GraphSource.Model("Branches")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense left = new(8, Activation.Relu);")
            .Layer("readonly Dense right = new(4, Activation.Tanh);")
            .Layer("readonly Dense gate = new(1, Activation.Sigmoid);")
            .Layer("readonly Concatenate join = new(axis: -1);")
            .Layer("readonly Multiply scale = new();")
            .Layer("readonly Dense head = new(2);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(6)] Tensor x)",
                "{",
                "    var both = join.Call(left.Call(x), right.Call(x));",
                "    var gated = scale.Call(both, gate.Call(x));",
                "    return head.Call(gated);",
                "}");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void AddOfShapesThatDoNotBroadcastNamesBoth() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Conv2D conv = new(32, (3, 3));")
            .Layer("readonly Add add = new();")
            .Graph("[Graph]", "Tensor Call([Input(28, 28, 1)] Tensor image) => [|add.Call(conv.Call(image), image)|];"),
        "STK1020",
        "Add 'add': shapes (batch, 26, 26, 32) and (batch, 28, 28, 1) differ in axes 1, 2; sizes must be equal or 1");

    [Fact]
    public void ConcatenateAxisOutOfRangeIsReportedAtTheAxis() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense a = new(4);")
            .Layer("readonly Dense b = new(4);")
            .Layer("readonly Concatenate join = new([|3|]);")
            .Graph("[Graph]", "Tensor Call([Input(6)] Tensor x) => join.Call(a.Call(x), b.Call(x));"),
        "STK1021",
        "Concatenate 'join': axis 3 must name a non-batch axis of inputs of rank 2 (batch included), found (batch, 4)");

    [Fact]
    public void AMergeOfOneInputIsItsInputAsInKeras()
    {
        // Keras 3: layers.Add()([x]) builds and returns x; only Subtract needs exactly two.
        var source = GraphSource.Model("Single")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense a = new(4);")
            .Layer("readonly Add add = new();")
            .Layer("readonly Concatenate join = new();")
            .Graph("[Graph]", "Tensor Call([Input(6)] Tensor x) => join.Call(add.Call(a.Call(x)));");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("var x2 = add.Call(x1);", run.SingleSource);
        Assert.Contains("// (batch, 4)", run.SingleSource);
    }

    [Fact]
    public void SubtractOfThreeTensors() => DiagnosticCheck.Single(
        GraphSource.Model("Net")
            .Layer("readonly Dense a = new(4);")
            .Layer("readonly Subtract minus = new();")
            .Graph("[Graph]", "Tensor Call([Input(4)] Tensor x) => [|minus.Call(a.Call(x), x, x)|];"),
        "STK1023",
        "Subtract 'minus' needs exactly 2 inputs, found 3");
}
