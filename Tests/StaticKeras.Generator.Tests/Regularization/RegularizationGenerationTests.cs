using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Regularization;

/// <summary>Keras' regularizers: read from the layer arguments, added to the loss in both steps, checked as Keras checks them.</summary>
public sealed class RegularizationGenerationTests
{
    private static ModelSource Classifier(string hidden) => ModelSource.Sequential("Regularized")
        .Input("8")
        .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
        .Layer(hidden)
        .Layer("readonly Dense output = new(3, Activation.Softmax, activityRegularizer: Regularizer.L1(0.001));");

    [Fact]
    public void PenaltiesAreAddedToTheLossOfBothSteps()
    {
        var run = GeneratorRunner.Run(Classifier(
            "readonly Dense hidden = new(16, Activation.Relu, kernelRegularizer: Regularizer.L2(1e-4), biasRegularizer: Regularizer.L1L2(0.01, 0.02));").Build().Text)
            .AssertClean();

        // The fused output's activity penalty is on its probabilities, as Keras applies it to the layer's output.
        Assert.Contains(
            "loss = loss + hidden.RegularizationLoss() + output.ActivityPenalty(logits.softmax(-1));  " +
            "// regularization: hidden kernel L2(0.0001); hidden bias L1L2(0.01, 0.02); output activity L1(0.001)",
            run.SingleSource);
        Assert.Contains("ApplyGradients(loss);", run.SingleSource);
        Assert.Contains("// backward: autograd (regularization penalties have no generated gradient yet)", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void ANullRegularizerIsNone()
    {
        var run = GeneratorRunner.Run(ModelSource.Sequential("Plain").Input("8").Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense hidden = new(4, kernelRegularizer: null);").Build().Text).AssertClean();

        Assert.DoesNotContain("RegularizationLoss", run.SingleSource);
    }

    [Fact]
    public void ANegativeFactorIsRejectedAsKerasDoes() => DiagnosticCheck.Single(
        Classifier("readonly Dense hidden = new(16, [|kernelRegularizer: Regularizer.L2(-0.1)|]);"),
        "STK0010",
        "Dense 'hidden': kernelRegularizer must be a regularizer with non-negative finite factors (l2), found -0.1");

    [Fact]
    public void ARegularizerBuiltAtRunTimeIsNotConstant() => DiagnosticCheck.Single(
        Classifier("readonly Dense hidden = new(16, [|kernelRegularizer: Pick()|]);").Layer("static Regularizer Pick() => Regularizer.L2();"),
        "STK0004",
        "Argument 'kernelRegularizer' of Dense 'hidden' must be a compile-time constant so shapes can be checked at build time, found 'Pick()'");

    [Fact]
    public void TheEmitterWritesOnePenaltyPerRegularizedLayerAndCall()
    {
        var spec = ModelSpec.Sequential().Input(4);
        spec.Add(new DenseDeclaration("hidden", "hidden", spec.NextLocation(), 3, ActivationKind.Relu, true)
        {
            Regularization = new RegularizationDeclaration(EquatableArray.Of("kernel L2(0.01)"), "L1(0.1)"),
        });
        spec.Dense("head", 1);
        var model = spec.Infer();

        var line = RegularizationLines.Line(model, v => "x" + v);

        Assert.Equal(
            new CodeLine("loss = loss + hidden.RegularizationLoss() + hidden.ActivityPenalty(x1);", "regularization: hidden kernel L2(0.01); hidden activity L1(0.1)"),
            line);
        Assert.Null(RegularizationLines.Line(ModelSpec.Sequential().Input(4).Dense("head", 1).Infer(), v => "x" + v));
    }
}
