using System;
using StaticKeras.Losses;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Losses;

// Expected values are Keras' formulas evaluated by hand in double precision (python3 math).
public class LossFunctionsTests
{
    private static Tensor F(double[,] values) => tensor(values, dtype: ScalarType.Float32);

    [Fact]
    public void SparseCategoricalOnProbabilities()
    {
        // Keras docstring example: mean(-ln 0.9, -ln 0.8, -ln 0.5)
        using var labels = tensor(new long[] { 0, 1, 2 });
        using var probabilities = F(new[,] { { 0.9, 0.05, 0.05 }, { 0.1, 0.8, 0.1 }, { 0.2, 0.3, 0.5 } });
        Approx.Equal([0.34055041584399376], LossFunctions.SparseCategoricalCrossentropy(labels, probabilities, fromLogits: false), 1e-6);
    }

    [Fact]
    public void SparseCategoricalNormalizesProbabilitiesAndClipsThem()
    {
        // [2, 1, 1] is normalized to [0.5, 0.25, 0.25]: -ln 0.5.
        using var one = tensor(new long[] { 0 });
        Approx.Equal([Math.Log(2)], LossFunctions.SparseCategoricalCrossentropy(one, F(new double[,] { { 2, 1, 1 } }), false), 1e-6);
        // p = 0 is clipped to float32(1e-7): -ln(1.0000000116860974e-07)
        using var label = tensor(new long[] { 1 });
        Approx.Equal([16.118095639272223], LossFunctions.SparseCategoricalCrossentropy(label, F(new double[,] { { 1, 0, 0 } }), false), 1e-5);
    }

    [Fact]
    public void SparseCategoricalOnLogitsAcceptsLabelsWithATrailingOne()
    {
        // mean(logsumexp(2, 1, 0.1) - 2, logsumexp(-1, 0, 3) - 0)
        using var logits = F(new[,] { { 2, 1, 0.1 }, { -1, 0, 3 } });
        using var flat = tensor(new long[] { 0, 1 });
        using var column = tensor(new int[] { 0, 1 }).reshape(2, 1);
        Approx.Equal([1.7414569600176313], LossFunctions.SparseCategoricalCrossentropy(flat, logits, fromLogits: true), 1e-6);
        Approx.Equal([1.7414569600176313], LossFunctions.SparseCategoricalCrossentropy(column, logits, fromLogits: true), 1e-6);
    }

    [Fact]
    public void FusedSoftmaxCrossEntropyGradientIsSoftmaxMinusOneHotOverBatch()
    {
        manual_seed(7);
        var logits = randn(6, 4, dtype: ScalarType.Float64).requires_grad_();
        using var labels = tensor(new long[] { 0, 3, 1, 1, 2, 0 });
        LossFunctions.SparseCategoricalCrossentropy(labels, logits, fromLogits: true).backward();
        using var _ = no_grad();
        var expected = (logits.softmax(-1) - nn.functional.one_hot(labels, 4).to_type(ScalarType.Float64)) / 6;
        Approx.Equal(expected, logits.grad!, 1e-12);
    }

    [Fact]
    public void SparseCategoricalRejectsFloatLabels()
    {
        using var labels = tensor(new float[] { 0, 1 });
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.SparseCategoricalCrossentropy(labels, ones(2, 3), true));
        Assert.StartsWith("SparseCategoricalCrossentropy expects integer class labels; got shape (2,) of dtype float32.", e.Message);
    }

    [Fact]
    public void SparseCategoricalRejectsOneHotShapedLabels()
    {
        using var labels = zeros(2, 3, dtype: ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.SparseCategoricalCrossentropy(labels, ones(2, 3), true));
        Assert.StartsWith("SparseCategoricalCrossentropy expects labels of shape (2,) for predictions of shape (2, 3); got shape (2, 3)", e.Message);
    }

    [Fact]
    public void CategoricalOnProbabilitiesClipsZeros()
    {
        // Keras docstring example: mean(-ln 0.95, -ln 0.1)
        using var labels = F(new double[,] { { 0, 1, 0 }, { 0, 0, 1 } });
        using var probabilities = F(new[,] { { 0.05, 0.95, 0 }, { 0.1, 0.8, 0.1 } });
        Approx.Equal([1.176939193690798], LossFunctions.CategoricalCrossentropy(labels, probabilities, fromLogits: false), 1e-6);
    }

    [Fact]
    public void CategoricalNormalizesProbabilitiesFirst()
    {
        // [2, 1, 1] is normalized to [0.5, 0.25, 0.25]: -ln 0.5 for the first class.
        Approx.Equal([Math.Log(2)], LossFunctions.CategoricalCrossentropy(F(new double[,] { { 1, 0, 0 } }), F(new double[,] { { 2, 1, 1 } }), false), 1e-6);
    }

    [Fact]
    public void CategoricalOnLogitsWithSoftLabels()
    {
        // -sum(y * log_softmax(l)), y = [0.2, 0.7, 0.1], l = [1, 2, 0.5]
        Approx.Equal([0.8143687841079447],
            LossFunctions.CategoricalCrossentropy(F(new[,] { { 0.2, 0.7, 0.1 } }), F(new[,] { { 1, 2, 0.5 } }), fromLogits: true), 1e-6);
    }

    [Fact]
    public void CategoricalRejectsIntegerClassLabels()
    {
        using var labels = tensor(new long[] { 0, 2 });
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.CategoricalCrossentropy(labels, ones(2, 3), false));
        Assert.StartsWith("CategoricalCrossentropy expects labels of the predictions' shape (2, 3); got shape (2,) of dtype int64. " +
            "For integer class labels use SparseCategoricalCrossentropy.", e.Message);
    }

    [Fact]
    public void BinaryOnProbabilitiesAveragesTheLastAxisThenTheBatch()
    {
        // Keras docstring example: mean(mean(-ln 0.4, -ln 0.4), mean(-ln 0.6, -ln 0.4))
        using var labels = F(new double[,] { { 0, 1 }, { 0, 0 } });
        using var probabilities = F(new[,] { { 0.6, 0.4 }, { 0.4, 0.6 } });
        Approx.Equal([0.814924454847114], LossFunctions.BinaryCrossentropy(labels, probabilities, fromLogits: false), 1e-6);
    }

    [Fact]
    public void BinaryOnLogitsTakesIntegerLabelsWithoutTheUnitAxis()
    {
        // mean(ln(1 + e^-0.5), ln(1 + e^-1)): labels (2,) against logits (2, 1), as Keras aligns them
        using var labels = tensor(new long[] { 1, 0 });
        Approx.Equal([0.39366933584916475], LossFunctions.BinaryCrossentropy(labels, F(new[,] { { 0.5 }, { -1.0 } }), fromLogits: true), 1e-6);
    }

    [Fact]
    public void BinaryOnProbabilitiesClipsOnesAndZeros()
    {
        // p = 1 for label 0 is clipped to float32(1 - 1e-7) = 1 - 2^-23: -ln(2^-23) = 23 ln 2
        using var labels = F(new double[,] { { 0 } });
        Approx.Equal([23 * Math.Log(2)], LossFunctions.BinaryCrossentropy(labels, F(new double[,] { { 1 } }), fromLogits: false), 1e-5);
    }

    [Fact]
    public void MeanSquaredError()
    {
        // Keras docstring example: mean of (1, 0, 1, 0) = 0.5
        Approx.Equal([0.5], LossFunctions.MeanSquaredError(F(new double[,] { { 0, 1 }, { 0, 0 } }), F(new double[,] { { 1, 1 }, { 1, 0 } })), 1e-7);
    }

    [Fact]
    public void MeanSquaredErrorRefusesToBroadcastMismatchedShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.MeanSquaredError(ones(4, 1), ones(4, 3)));
        Assert.StartsWith("MeanSquaredError expects labels of the predictions' shape (4, 3); got shape (4, 1) of dtype float32.", e.Message);
    }
}
