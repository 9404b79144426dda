using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Regularization;

/// <summary>
/// Keras' weight constraints as layer arguments: constant calls of <c>Constraint.*</c> are accepted on every layer family
/// (the runtime applies them after each optimizer step, so the generated code does not change); anything else is reported.
/// </summary>
public sealed class ConstraintGenerationTests
{
    private static ModelSource Model(string layer) =>
        ModelSource.Sequential().Input("6").Compile("Optimizer.Adam, Loss.MeanSquaredError").Layer(layer).Layer("readonly Dense head = new(1);");

    [Fact]
    public void ConstantConstraintsOnEveryFamilyCompileCleanly()
    {
        var source = ModelSource.Sequential("Constrained")
            .Input("6, 6, 2")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Conv2D conv = new(4, 3, kernelConstraint: Constraint.MaxNorm(2, axis: [0, 1, 2]), biasConstraint: Constraint.NonNeg());")
            .Layer("readonly DepthwiseConv2D depthwise = new(1, depthwiseConstraint: Constraint.UnitNorm());")
            .Layer("readonly SeparableConv2D separable = new(3, 1, pointwiseConstraint: Constraint.MinMaxNorm(0.5, 1.0, rate: 0.5));")
            .Layer("readonly Reshape steps = new(16, 3);")
            .Layer("readonly LSTM lstm = new(4, returnSequences: true, recurrentConstraint: Constraint.UnitNorm(axis: [0]), kernelConstraint: null);")
            .Layer("readonly Conv1D conv1d = new(2, 1, kernelConstraint: Constraint.MaxNorm());")
            .Layer("readonly GlobalAveragePooling1D pool = new();")
            .Layer("readonly Dense head = new(1, kernelConstraint: Constraint.NonNeg());");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        Assert.Contains("lstm.Build(16, 3);", run.SingleSource);
        Assert.DoesNotContain("Constraint", run.SingleSource);   // applied by the runtime after each step, not by generated lines
    }

    [Fact]
    public void AConstraintBuiltAtRunTimeIsNotConstant() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(16, [|kernelConstraint: Pick()|]);").Layer("static Constraint Pick() => Constraint.NonNeg();"),
        "STK0004",
        "Argument 'kernelConstraint' of Dense 'hidden' must be a compile-time constant so shapes can be checked at build time, found 'Pick()'");

    [Fact]
    public void AConstraintWithAVariableArgumentIsNotConstant() => DiagnosticCheck.Single(
        Model("readonly Embedding embed = new(10, 4, [|embeddingsConstraint: Constraint.MaxNorm(Limit)|]);").Layer("static double Limit = 2;"),
        "STK0004",
        "Argument 'embeddingsConstraint' of Embedding 'embed' must be a compile-time constant so shapes can be checked at build time, found 'Constraint.MaxNorm(Limit)'");

    // Keras fails when the optimizer first applies such a constraint (numpy: "axis 2 is out of bounds for array of
    // dimension 2", "duplicate value in 'axis'"); the weight's rank is known from the layer's arguments.
    [Fact]
    public void AnAxisTheKernelLacksIsRejected() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(16, [|kernelConstraint: Constraint.MaxNorm(2, axis: [2])|]);"),
        "STK0010",
        "Dense 'hidden': kernelConstraint must be a constraint whose axis names distinct axes of kernel, which has rank 2 (from -2 to 1; Keras fails when the optimizer applies it), found MaxNorm axis [2]");

    [Fact]
    public void AnAxisNamedTwiceIsRejected() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("8, 8, 2").Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Conv2D conv = new(4, 3, [|kernelConstraint: Constraint.UnitNorm(axis: [0, -4])|]);")
            .Layer("readonly Flatten flatten = new();"),
        "STK0010",
        "Conv2D 'conv': kernelConstraint must be a constraint whose axis names distinct axes of kernel, which has rank 4 (from -4 to 3; Keras fails when the optimizer applies it), found UnitNorm axis [0, -4]");

    [Fact]
    public void RecurrentKernelAxesAreCheckedAndBiasAxesFit() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("5, 3").Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly GRU gru = new(4, biasConstraint: Constraint.MaxNorm(), [|recurrentConstraint: Constraint.MinMaxNorm(axis: [-3])|]);")
            .Layer("readonly Dense head = new(1, biasConstraint: Constraint.UnitNorm(axis: [-1]));"),
        "STK0010",
        "GRU 'gru': recurrentConstraint must be a constraint whose axis names distinct axes of recurrent_kernel, which has rank 2 (from -2 to 1; Keras fails when the optimizer applies it), found MinMaxNorm axis [-3]");

    [Fact]
    public void SeparableKernelsHaveRankFour() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("6, 6, 2").Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly SeparableConv2D separable = new(3, 1, depthwiseConstraint: Constraint.MaxNorm(axis: [0, 1, 2, 3]), [|pointwiseConstraint: Constraint.MaxNorm(axis: [4])|]);")
            .Layer("readonly Flatten flatten = new();"),
        "STK0010",
        "SeparableConv2D 'separable': pointwiseConstraint must be a constraint whose axis names distinct axes of pointwise_kernel, which has rank 4 (from -4 to 3; Keras fails when the optimizer applies it), found MaxNorm axis [4]");

    [Fact]
    public void ANaNBoundIsRejected() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(16, [|biasConstraint: Constraint.MaxNorm(double.NaN)|]);"),
        "STK0010",
        "Dense 'hidden': biasConstraint must be a constraint with finite values (maxValue), found NaN");
}
