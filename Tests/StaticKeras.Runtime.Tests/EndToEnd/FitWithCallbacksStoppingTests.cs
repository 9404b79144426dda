using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

public class FitWithCallbacksStoppingTests
{
    [Fact]
    public void TerminateOnNaNStopsAfterTheBatchWithAnInvalidLoss()
    {
        manual_seed(3);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(12, 8, 3, seed: 4);
        x[5, 0] = tensor(float.PositiveInfinity);   // sample 5 is in batch 2 (batches of 2, in order)
        var batches = new List<(int Epoch, int Batch)>();
        var epoch = 0;
        var recorder = new LambdaCallback(onEpochBegin: (e, _) => epoch = e, onTrainBatchEnd: (b, _) => batches.Add((epoch, b)));
        var output = new StringWriter();
        var ended = false;

        var history = model.Fit(x, y, epochs: 3, batchSize: 2, verbose: 0, shuffle: false,
            callbacks: [new TerminateOnNaN { Output = output }, recorder, new LambdaCallback(onTrainEnd: _ => ended = true)]);

        Assert.Equal("Batch 2: Invalid loss, terminating training\n", output.ToString());
        Assert.Equal([(0, 0), (0, 1), (0, 2)], batches);
        Assert.Equal([0], history.Epoch);
        Assert.True(double.IsNaN(history.Logs["loss"][0]));
        Assert.True(ended, "OnTrainEnd did not run");
    }

    [Fact]
    public void ClassWeightReadsOneHotLabelsByArgmaxAndLeavesValidationUnweighted()
    {
        float[] features = [1, 0, 0, 1, 0, 1, 1, 0, 2, 1, 0, 0, 0, 0, 1, 1, -1, 1, 0, 2];
        var x = tensor(features).reshape(5, 4);
        var labels = tensor(new long[] { 0, 2, 1, 2, 0 });
        var y = nn.functional.one_hot(labels, 3).to_type(ScalarType.Float32);
        var classWeight = new Dictionary<int, double> { [0] = 2, [1] = 0.5, [2] = 3 };
        manual_seed(6);
        var model = new OneHotClassifier();
        double expectedLoss;
        using (var initial = model.GetWeights())
        using (no_grad())
        {
            // Training uses samples 0-3 (the last fifth validates), weighted 2, 3, 0.5, 3 by class.
            var p = x.narrow(0, 0, 4).to_type(ScalarType.Float64).matmul(initial["output.kernel"].to_type(ScalarType.Float64))
                .add(initial["output.bias"].to_type(ScalarType.Float64)).log_softmax(-1);
            var picked = p.gather(1, labels.narrow(0, 0, 4).unsqueeze(1)).squeeze(1);
            expectedLoss = -(picked * tensor(new[] { 2.0, 3, 0.5, 3 })).sum().item<double>() / 4;
        }

        double unweightedValidation = double.NaN;
        var probe = new LambdaCallback(onEpochEnd: (_, _) =>
        {
            using var scope = NewDisposeScope();
            var p = model.Call(x.narrow(0, 4, 1)).to_type(ScalarType.Float64);
            unweightedValidation = -p[0, 0].log().item<double>();   // sample 4 is class 0, weighted 2 in training only
        });

        var history = model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, shuffle: false, validationSplit: 0.2,
            classWeight: classWeight, callbacks: [probe]);

        Assert.True(Math.Abs(expectedLoss - history.Logs["loss"][0]) <= 1e-6 * Math.Max(1, expectedLoss), $"loss {history.Logs["loss"][0]}, expected {expectedLoss}");
        Assert.True(Math.Abs(unweightedValidation - history.Logs["val_loss"][0]) <= 1e-6, $"val_loss {history.Logs["val_loss"][0]}, expected {unweightedValidation}");
    }
}
