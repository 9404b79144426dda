using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

// Every step runs in a dispose scope: the live-tensor count must not grow with the number of steps.
public class ModelMemoryTests
{
    private static long Live => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    [Fact]
    public void LiveTensorCountIsTheSameAfterTheFirstAndLastBatchOfEveryEpoch()
    {
        manual_seed(10);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(300, seed: 11);   // 270 to train: 11 batches of 24 plus one of 6 per epoch
        var counter = new LiveCounter();

        model.Fit(x, y, epochs: 3, batchSize: 24, verbose: 0, validationSplit: 0.1, callbacks: [counter]);

        Assert.Equal(3, counter.ByEpoch.Count);
        foreach (var batches in counter.ByEpoch)
        {
            Assert.Equal(12, batches.Count);
            Assert.Equal(batches[0], batches[^1]);
            Assert.All(batches, count => Assert.Equal(batches[0], count));
        }

        Assert.Equal(counter.ByEpoch[0][0], counter.ByEpoch[^1][^1]);
    }

    [Fact]
    public void FitEvaluateAndPredictLeaveNothingBehind()
    {
        manual_seed(12);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(100, seed: 13);
        model.Fit(x, y, epochs: 1, verbose: 0);   // creates the optimizer and its state once

        var before = Live;
        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, validationSplit: 0.3);
        Assert.Equal(before, Live);
        model.Evaluate(x, y, batchSize: 16, verbose: 0);
        Assert.Equal(before, Live);
        var predictions = model.Predict(x, batchSize: 16);
        Assert.Equal(before + 1, Live);   // the result, owned by the caller
        predictions.Dispose();
        Assert.Equal(before, Live);
    }

    [Fact]
    public void PredictionsBelongToTheCallersScope()
    {
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(10, seed: 14);
        Tensor inside;
        using (NewDisposeScope())
        {
            inside = model.Predict(x);
            Assert.False(inside.IsInvalid);
        }

        Assert.True(inside.IsInvalid);
        using var outside = model.Predict(x);
        Assert.False(outside.IsInvalid);
    }

    [Fact]
    public void FitInsideACallersScopeLeavesItUntouched()
    {
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(40, seed: 15);
        model.Fit(x, y, verbose: 0);
        using var scope = NewDisposeScope();
        var before = scope.DisposablesCount;
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, validationSplit: 0.25);
        Assert.Equal(before, scope.DisposablesCount);
    }

    private sealed class LiveCounter : Callback
    {
        public List<List<long>> ByEpoch { get; } = [];

        public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => ByEpoch.Add([]);

        public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => ByEpoch[^1].Add(Live);
    }
}
