using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>The fusion rule: softmax + (sparse) categorical or sigmoid + binary cross-entropy on probabilities.</summary>
public sealed class LossPlanTests
{
    private const string Losses = "global::StaticKeras.Losses.LossFunctions";

    private static LossPlan Plan(ActivationKind activation, LossKind loss, bool fromLogits = false)
    {
        var model = ModelSpec.Sequential().Input(4).Dense("output", 3, activation).Compile(OptimizerKind.Adam, loss, fromLogits).Declaration();
        return LossPlan.For(model.Compile!, model.Layers[0]);
    }

    [Fact]
    public void SoftmaxWithSparseCategoricalIsFused()
    {
        var plan = Plan(ActivationKind.Softmax, LossKind.SparseCategoricalCrossentropy);

        Assert.Equal(ActivationKind.Softmax, plan.FusedActivation);
        Assert.Equal($"{Losses}.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0])", plan.Call("y[0]", "logits", "sampleWeight[0]"));
        Assert.Equal("logits.softmax(-1)", plan.Predictions("logits"));
    }

    [Fact]
    public void OnlySparseCategoricalOnAFusedSoftmaxComputesItsGradientWithTheLoss()
    {
        Assert.True(Plan(ActivationKind.Softmax, LossKind.SparseCategoricalCrossentropy).FusesGradient);
        Assert.False(Plan(ActivationKind.Softmax, LossKind.CategoricalCrossentropy).FusesGradient);
        Assert.False(Plan(ActivationKind.Sigmoid, LossKind.BinaryCrossentropy).FusesGradient);
        Assert.False(Plan(ActivationKind.Linear, LossKind.SparseCategoricalCrossentropy, fromLogits: true).FusesGradient);
    }

    [Fact]
    public void TheFusedCallWritesIntoTheBuffersItIsGiven() =>
        Assert.Equal(
            "global::StaticKeras.Losses.FusedLosses.SparseCategoricalCrossentropy(y[0], logits, sampleWeight[0], probabilities, dlogits, _trainBuffers.Scalar(logits))",
            Plan(ActivationKind.Softmax, LossKind.SparseCategoricalCrossentropy).FusedCall("y[0]", "logits", "sampleWeight[0]", "probabilities", "dlogits", "_trainBuffers.Scalar(logits)"));

    [Fact]
    public void SoftmaxWithCategoricalIsFused() =>
        Assert.Equal(ActivationKind.Softmax, Plan(ActivationKind.Softmax, LossKind.CategoricalCrossentropy).FusedActivation);

    [Fact]
    public void SigmoidWithBinaryIsFused()
    {
        var plan = Plan(ActivationKind.Sigmoid, LossKind.BinaryCrossentropy);

        Assert.Equal(ActivationKind.Sigmoid, plan.FusedActivation);
        Assert.Equal("logits.sigmoid()", plan.Predictions("logits"));
    }

    [Fact]
    public void MismatchedPairsAreNotFused()
    {
        Assert.Null(Plan(ActivationKind.Sigmoid, LossKind.CategoricalCrossentropy).FusedActivation);
        Assert.Null(Plan(ActivationKind.Softmax, LossKind.BinaryCrossentropy).FusedActivation);
        Assert.Null(Plan(ActivationKind.Softmax, LossKind.MeanSquaredError).FusedActivation);
    }

    [Fact]
    public void ProbabilitiesWithoutFusionGoToTheLossAsProbabilities()
    {
        var plan = Plan(ActivationKind.Relu, LossKind.CategoricalCrossentropy);

        Assert.Equal($"{Losses}.CategoricalCrossentropy(y, x2, fromLogits: false, sampleWeight: w)", plan.Call("y", "x2", "w"));
        Assert.Equal("x2", plan.Predictions("x2"));
    }

    [Fact]
    public void FromLogitsIsPassedThroughAndNeverFused()
    {
        var plan = Plan(ActivationKind.Softmax, LossKind.SparseCategoricalCrossentropy, fromLogits: true);

        Assert.Null(plan.FusedActivation);
        Assert.Equal($"{Losses}.SparseCategoricalCrossentropy(y, x1, fromLogits: true, sampleWeight: w)", plan.Call("y", "x1", "w"));
    }

    [Fact]
    public void MeanSquaredErrorHasNoFromLogits() =>
        Assert.Equal($"{Losses}.MeanSquaredError(y, x1, sampleWeight: w)", Plan(ActivationKind.Linear, LossKind.MeanSquaredError).Call("y", "x1", "w"));
}
