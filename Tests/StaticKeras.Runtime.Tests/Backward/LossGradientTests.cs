using System;
using StaticKeras.Losses;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>Every loss's explicit gradient against autograd on the loss, in float64, with and without sample weights and a loss weight.</summary>
public sealed class LossGradientTests
{
    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var loss in new[] { "sparse", "sparse-3d", "categorical", "binary", "mse", "mse-1d" })
        {
            foreach (var fromLogits in new[] { true, false })
            {
                foreach (var weighted in new[] { false, true })
                {
                    data.Add(loss, fromLogits, weighted);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientIsAutogradsOfTheLoss(string loss, bool fromLogits, bool weighted)
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var (yTrue, raw) = loss switch
        {
            "sparse" => (randint(0, 5, [6], dtype: ScalarType.Int64), randn(6, 5, dtype: ScalarType.Float64)),
            "sparse-3d" => (randint(0, 4, [6, 3, 1], dtype: ScalarType.Int32), randn(6, 3, 4, dtype: ScalarType.Float64)),
            "categorical" => (rand(6, 5, dtype: ScalarType.Float64), randn(6, 5, dtype: ScalarType.Float64)),
            "binary" => (randint(0, 2, [6, 3]).to_type(ScalarType.Float64), randn(6, 3, dtype: ScalarType.Float64)),
            "mse" => (randn(6, 2, dtype: ScalarType.Float64), randn(6, 2, dtype: ScalarType.Float64)),
            _ => (randn(6, dtype: ScalarType.Float64), randn(6, 1, dtype: ScalarType.Float64)),
        };
        // On probabilities the predictions are what a softmax or sigmoid would give.
        var yPred = fromLogits || loss.StartsWith("mse", StringComparison.Ordinal) ? raw
            : loss == "binary" ? raw.sigmoid() : raw.softmax(-1);
        var sampleWeight = weighted ? rand(6, dtype: ScalarType.Float64) : null;
        const double scale = 0.7;

        var prediction = yPred.detach().requires_grad_(true);
        var value = loss switch
        {
            "sparse" or "sparse-3d" => LossFunctions.SparseCategoricalCrossentropy(yTrue, prediction, fromLogits, sampleWeight),
            "categorical" => LossFunctions.CategoricalCrossentropy(yTrue, prediction, fromLogits, sampleWeight),
            "binary" => LossFunctions.BinaryCrossentropy(yTrue, prediction, fromLogits, sampleWeight),
            _ => LossFunctions.MeanSquaredError(yTrue, prediction, sampleWeight),
        };
        (value * scale).backward();

        using var noGrad = no_grad();
        var gradient = loss switch
        {
            "sparse" or "sparse-3d" => LossGradients.SparseCategoricalCrossentropy(yTrue, yPred, fromLogits, sampleWeight, scale),
            "categorical" => LossGradients.CategoricalCrossentropy(yTrue, yPred, fromLogits, sampleWeight, scale),
            "binary" => LossGradients.BinaryCrossentropy(yTrue, yPred, fromLogits, sampleWeight, scale),
            _ => LossGradients.MeanSquaredError(yTrue, yPred, sampleWeight, scale),
        };
        BackwardCheck.AssertClose(prediction.grad!, gradient, $"{loss} (fromLogits {fromLogits}, weighted {weighted})");
    }
}
