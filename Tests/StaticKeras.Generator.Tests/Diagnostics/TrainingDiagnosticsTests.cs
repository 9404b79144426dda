using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK2001-STK2004: the [Compile] configuration against the model's output.</summary>
public sealed class TrainingDiagnosticsTests
{
    private static ModelSource Model(string compile, string output) =>
        ModelSource.Sequential().Input("20").Compile(compile).Layer("readonly Dense hidden = new(16, Activation.Relu);").Layer(output);

    [Fact]
    public void SparseCategoricalOnOneUnit() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, [|Loss.SparseCategoricalCrossentropy|]", "readonly Dense output = new(1, Activation.Sigmoid);"),
        "STK2001",
        "SparseCategoricalCrossentropy expects an output with 2 or more classes in its last dimension, found output (batch, 1); use BinaryCrossentropy with a single sigmoid unit");

    [Fact]
    public void CategoricalOnOneUnitWithNamedLossArgument() => DiagnosticCheck.Single(
        Model("[|loss: Loss.CategoricalCrossentropy|], optimizer: Optimizer.Sgd", "readonly Dense output = new(1);"),
        "STK2001",
        "CategoricalCrossentropy expects an output with 2 or more classes in its last dimension, found output (batch, 1); use BinaryCrossentropy with a single sigmoid unit");

    [Fact]
    public void BinaryOnSoftmaxOverTenUnits() => DiagnosticCheck.Single(
        Model("[|Loss.BinaryCrossentropy|]", "readonly Dense output = new(10, Activation.Softmax);"),
        "STK2001",
        "BinaryCrossentropy expects independent probabilities per unit (sigmoid, or one unit), found a softmax output (batch, 10) from Dense 'output'; use CategoricalCrossentropy for one-hot labels or SparseCategoricalCrossentropy for integer labels");

    [Fact]
    public void BinaryOnSigmoidUnitsIsMultiLabelClassification() =>
        GeneratorRunner.Run(Model("Loss.BinaryCrossentropy", "readonly Dense output = new(10, Activation.Sigmoid);").Build().Text).AssertClean();

    [Fact]
    public void FromLogitsOnSoftmaxOutputWarnsAndStillGenerates()
    {
        var run = DiagnosticCheck.Single(
            Model("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, [|FromLogits = true|]", "readonly Dense output = new(10, Activation.Softmax);"),
            "STK2002",
            "FromLogits = true expects the model to output logits, found a softmax output from Dense 'output'; remove FromLogits or make the last activation linear");

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(run.Diagnostics).Severity);
        run.VerifySources();
    }

    [Fact]
    public void FromLogitsOnSigmoidActivationLayer() => DiagnosticCheck.Single(
        Model("Loss.BinaryCrossentropy, [|FromLogits = true|]", "readonly Dense output = new(1);").Layer("readonly ActivationLayer probability = new(Activation.Sigmoid);"),
        "STK2002",
        "FromLogits = true expects the model to output logits, found a sigmoid output from ActivationLayer 'probability'; remove FromLogits or make the last activation linear");

    [Fact]
    public void NegativeLearningRate() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, [|LearningRate = -0.1|]", "readonly Dense output = new(1);"),
        "STK2003",
        "LearningRate must be a finite number >= 0 (0 means the optimizer's Keras default), found -0.1");

    [Fact]
    public void NaNLearningRate() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, [|LearningRate = double.NaN|]", "readonly Dense output = new(1);"),
        "STK2003",
        "LearningRate must be a finite number >= 0 (0 means the optimizer's Keras default), found NaN");

    [Fact]
    public void UndefinedLoss() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, [|(Loss)42|]", "readonly Dense output = new(1);"),
        "STK2004",
        "[Compile] loss must be one of SparseCategoricalCrossentropy, CategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError, found 42");

    [Fact]
    public void UndefinedOptimizer() => DiagnosticCheck.Single(
        Model("[|(Optimizer)9|], Loss.MeanSquaredError", "readonly Dense output = new(1);"),
        "STK2004",
        "[Compile] optimizer must be one of Sgd, Adam, AdamW, RmsProp, found 9");

    [Fact]
    public void UndefinedMetric() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, [|Metrics = [(Metric)3]|]", "readonly Dense output = new(1);"),
        "STK2004",
        "[Compile] metric must be one of Accuracy, found 3");
}
