using System;
using StaticKeras.Losses;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

// Keras' weighted sum_over_batch_size against a double-precision hand computation.
public class WeightedLossTests
{
    private static readonly Tensor s_logits = tensor(new double[] { 1, 2, 0.5, -1, 0, 3, 2, 2, -2 }).reshape(3, 3);
    private static readonly Tensor s_labels = tensor(new long[] { 1, 2, 0 });
    private static readonly Tensor s_weights = tensor(new double[] { 0.5, 2, 0 });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SparseCategoricalCrossentropyWeighsEachSample(bool fromLogits)
    {
        var prediction = fromLogits ? s_logits : s_logits.softmax(-1);
        var expected = 0.0;
        for (var i = 0; i < 3; i++)
        {
            var p = s_logits[i].softmax(-1)[s_labels[i].item<long>()].item<double>();
            expected += s_weights[i].item<double>() * -Math.Log(p);
        }

        var loss = LossFunctions.SparseCategoricalCrossentropy(s_labels, prediction, fromLogits, s_weights);
        Assert.Equal(expected / 3, loss.item<double>(), 12);
    }

    [Fact]
    public void MeanSquaredErrorWeighsEachSamplesMeanOverTheLastAxis()
    {
        var target = zeros(3, 3, dtype: ScalarType.Float64);
        var loss = LossFunctions.MeanSquaredError(target, s_logits, s_weights);
        var expected = (0.5 * (1 + 4 + 0.25) / 3 + 2 * (1 + 0 + 9) / 3.0 + 0) / 3;
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void WithoutWeightsEverySampleWeighsOne()
    {
        var plain = LossFunctions.SparseCategoricalCrossentropy(s_labels, s_logits, fromLogits: true).item<double>();
        Assert.Equal(LossFunctions.SparseCategoricalCrossentropy(s_labels, s_logits, true, ones(3, dtype: ScalarType.Float64)).item<double>(), plain, 12);
        Assert.Equal(LossFunctions.SparseCategoricalCrossentropy(s_labels, s_logits, true, null).item<double>(), plain, 12);
    }

    [Fact]
    public void WeightsOfTheWrongLengthAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.CategoricalCrossentropy(s_logits.softmax(-1), s_logits, true, ones(2)));
        Assert.Equal("CategoricalCrossentropy got sample weights of shape (2,) for per-sample losses of shape (3,): expected one weight per sample, shape (3,). (Parameter 'sampleWeight')", e.Message);
    }
}
