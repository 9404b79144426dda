using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

// One batch of a generated sigmoid classifier, its loss computed by hand in double precision from
// the weights before the step: Keras' weighted sum_over_batch_size, sum(w * bce) / batch.
public class FitWithCallbacksWeightingTests
{
    private static readonly float[] s_inputs = [0.5f, -1f, 2f, 0.25f, -0.5f, 1.5f, -2f, 1f, 1f, 0f, -1f, 0.5f, 2f, 1f, 0.5f, -1.5f, -1f, -1f, 0f, 2f, 0.5f, 0.5f, 0.5f, 0.5f];
    private static readonly float[] s_labels = [1, 0, 1, 1, 0, 0];

    [Fact]
    public void SampleWeightMultipliesEachSamplesLossAndDividesByTheBatchSize()
    {
        double[] weights = [2, 0, 1, 0.5, 3, 1];
        var (model, expected, correct) = ModelAndHandLoss(weights);

        var history = model.Fit(Inputs(), Labels(), epochs: 1, batchSize: 6, verbose: 0, shuffle: false,
            sampleWeight: tensor(weights.Select(w => (float)w).ToArray()));

        AssertClose(expected, history.Logs["loss"][0]);
        Assert.Equal(correct / 6.0, history.Logs["accuracy"][0], 6);   // metrics, not weighted_metrics: unweighted
    }

    [Fact]
    public void ClassWeightWeighsEachSampleByItsLabelsClass()
    {
        var classWeight = new Dictionary<int, double> { [0] = 0.25, [1] = 4 };
        var (model, expected, correct) = ModelAndHandLoss(s_labels.Select(c => classWeight[(int)c]).ToArray());

        var history = model.Fit(Inputs(), Labels(), epochs: 1, batchSize: 6, verbose: 0, shuffle: false, classWeight: classWeight);

        AssertClose(expected, history.Logs["loss"][0]);
        Assert.Equal(correct / 6.0, history.Logs["accuracy"][0], 6);
    }

    [Fact]
    public void ClassesLeftOutOfClassWeightWeighOne()
    {
        var (model, expected, _) = ModelAndHandLoss(s_labels.Select(c => c == 1 ? 3.0 : 1.0).ToArray());
        var history = model.Fit(Inputs(), Labels(), epochs: 1, batchSize: 6, verbose: 0, shuffle: false,
            classWeight: new Dictionary<int, double> { [1] = 3 });
        AssertClose(expected, history.Logs["loss"][0]);
    }

    [Fact]
    public void UnitWeightsGiveTheUnweightedLoss()
    {
        manual_seed(5);
        var plain = new WeightedBinary();
        var weighted = new WeightedBinary();
        using (var initial = plain.GetWeights())
        {
            weighted.SetWeights(initial);
        }

        var a = plain.Fit(Inputs(), Labels(), epochs: 2, batchSize: 4, verbose: 0, shuffle: false);
        var b = weighted.Fit(Inputs(), Labels(), epochs: 2, batchSize: 4, verbose: 0, shuffle: false, sampleWeight: ones(6));
        Assert.Equal(a.Logs["loss"], b.Logs["loss"]);
    }

    [Fact]
    public void ValidationSplitWeighsTheValidationLossWithTheLastWeights()
    {
        double[] weights = [1, 1, 1, 1, 2, 0.5];
        var (model, _, _) = ModelAndHandLoss(weights);
        var (xVal, yVal) = (Inputs().narrow(0, 4, 2), Labels().narrow(0, 4, 2));
        var seen = new List<double>();
        var probe = new global::StaticKeras.Callbacks.LambdaCallback(onEpochEnd: (_, _) =>
        {
            // After the epoch, by hand: the loss of samples 4 and 5 weighted 2 and 0.5.
            using var p = model.Call(xVal).to_type(ScalarType.Float64).reshape(-1);
            var y = yVal.to_type(ScalarType.Float64);
            var bce = -(y * p.log() + (1 - y) * (1 - p).log());
            seen.Add(((bce * tensor(new[] { 2.0, 0.5 })).sum() / 2).item<double>());
        });

        var history = model.Fit(Inputs(), Labels(), epochs: 1, batchSize: 4, verbose: 0, shuffle: false,
            validationSplit: 1.0 / 3, sampleWeight: tensor(weights.Select(w => (float)w).ToArray()), callbacks: [probe]);

        AssertClose(seen[0], history.Logs["val_loss"][0]);
    }

    // float32 training against a float64 reference: a relative tolerance of float32's precision.
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static Tensor Inputs() => tensor(s_inputs).reshape(6, 4);

    private static Tensor Labels() => tensor(s_labels);

    // A fresh model, and the first batch's weighted loss and correct predictions from its initial weights.
    private static (WeightedBinary Model, double Loss, int Correct) ModelAndHandLoss(double[] weights)
    {
        manual_seed(3);
        var model = new WeightedBinary();
        using var initial = model.GetWeights();
        var kernel = initial["output.kernel"].to_type(ScalarType.Float64);
        var bias = initial["output.bias"].to_type(ScalarType.Float64);
        var p = Inputs().to_type(ScalarType.Float64).matmul(kernel).add(bias).sigmoid().reshape(-1);
        var loss = 0.0;
        var correct = 0;
        for (var i = 0; i < 6; i++)
        {
            var pi = p[i].item<double>();
            loss += weights[i] * -(s_labels[i] * Math.Log(pi) + (1 - s_labels[i]) * Math.Log(1 - pi));
            correct += (pi > 0.5 ? 1 : 0) == (int)s_labels[i] ? 1 : 0;
        }

        return (model, loss / 6, correct);
    }
}
