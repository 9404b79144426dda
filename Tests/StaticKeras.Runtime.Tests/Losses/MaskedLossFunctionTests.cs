using StaticKeras.Losses;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Losses;

/// <summary>Keras' apply_mask reduction: the mean over the unmasked steps, 0 for a batch with every step masked.</summary>
public sealed class MaskedLossFunctionTests
{
    [Fact]
    public void AMaskOfOnesChangesNothingAndMaskedStepsAreLeftOut()
    {
        random.manual_seed(3);
        var logits = randn(2, 4, 3, ScalarType.Float64);
        var labels = randint(0, 3, [2, 4]);
        var all = ones(2, 4, ScalarType.Bool);
        Numerics.AssertClose(LossFunctions.SparseCategoricalCrossentropy(labels, logits, true), LossFunctions.SparseCategoricalCrossentropy(labels, logits, true, null, all), 1e-12, "mask of ones");
        Numerics.AssertClose(LossFunctions.MeanSquaredError(logits, logits * 2), LossFunctions.MeanSquaredError(logits, logits * 2, null, all), 1e-12, "MSE, mask of ones");

        // Only the first step of each sample: the mean of those two losses.
        var first = zeros(2, 4, ScalarType.Bool);
        first[.., 0] = tensor(true);
        Numerics.AssertClose(
            LossFunctions.SparseCategoricalCrossentropy(labels[.., ..1], logits[.., ..1], true),
            LossFunctions.SparseCategoricalCrossentropy(labels, logits, true, null, first), 1e-12, "first steps only");
        var weights = tensor(new[] { 1.0, 3.0 });
        var perStep = -logits.log_softmax(-1).gather(2, labels.unsqueeze(2)).squeeze(2);
        Numerics.AssertClose(((perStep[.., 0] * weights).sum() / 2), LossFunctions.SparseCategoricalCrossentropy(labels, logits, true, weights, first), 1e-12, "with sample weights");
    }

    [Fact]
    public void EveryStepMaskedGivesZeroAndAFiniteGradient()
    {
        var logits = randn(2, 4, 3, ScalarType.Float64).requires_grad_(true);
        var loss = LossFunctions.CategoricalCrossentropy(zeros(2, 4, 3, ScalarType.Float64), logits, true, null, zeros(2, 4, ScalarType.Bool));
        loss.backward();
        Assert.Equal(0.0, loss.item<double>());
        Assert.Equal(0.0, logits.grad!.abs().sum().item<double>());
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        random.manual_seed(4);
        var logits = randn(2, 4, 1, ScalarType.Float64).requires_grad_(true);
        var targets = rand(2, 4, 1, ScalarType.Float64).round();
        var mask = tensor(new[] { true, true, false, true, false, false, true, true }).reshape(2, 4);
        double Loss() => LossFunctions.BinaryCrossentropy(targets, logits, true, null, mask).item<double>();
        LossFunctions.BinaryCrossentropy(targets, logits, true, null, mask).backward();
        GradientCheck.CheckEntries("logits", logits, logits.grad!.detach().clone(), Loss);
        Assert.Equal(0.0, logits.grad![0, 2].abs().sum().item<double>());   // a masked step gets no gradient
    }
}
