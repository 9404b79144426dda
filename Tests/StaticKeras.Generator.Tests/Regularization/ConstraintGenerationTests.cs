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

    [Fact]
    public void ANaNBoundIsRejected() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(16, [|biasConstraint: Constraint.MaxNorm(double.NaN)|]);"),
        "STK0010",
        "Dense 'hidden': biasConstraint must be a constraint with finite values (maxValue), found NaN");
}
