using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Data.Streaming;

// However Fit ends (all epochs, a callback stopping it mid-epoch, an exception on a worker or in a
// step), the dataset's threads have ended when it returns or throws, and every tensor a worker made
// has been disposed: by the step that used it, or as a read-ahead batch never used.
public class DatasetShutdownTests
{
    private readonly (Tensor X, Tensor Y) _blobs = Blobs.Make(160, seed: 21);
    private readonly ConcurrentDictionary<Thread, bool> _threads = new();
    private readonly ConcurrentQueue<Tensor> _made = new();

    // Ten batches of 16: made on two map workers, read ahead by a prefetch thread (which runs the last Map).
    private Dataset<(Tensor X, Tensor Y)> Pipeline(Func<long, Exception?>? failAt = null) =>
        Dataset.Range(10).Map(i =>
        {
            _threads[Thread.CurrentThread] = true;
            if (failAt?.Invoke(i) is { } failure)
            {
                throw failure;
            }

            var batch = (_blobs.X.narrow(0, i * 16, 16).clone(), _blobs.Y.narrow(0, i * 16, 16).clone());
            _made.Enqueue(batch.Item1);
            _made.Enqueue(batch.Item2);
            return batch;
        }, workers: 2).Map(batch =>
        {
            _threads[Thread.CurrentThread] = true;
            return batch;
        }).Prefetch(3);

    [Fact]
    public void StoppingMidEpochEndsTheThreadsAndDisposesTheBatchesReadAhead()
    {
        var model = new BlobMlp();
        var history = model.Fit(Pipeline(), epochs: 3, verbose: 0, callbacks: [new StopAtBatch(2)]);

        Assert.Single(history.Logs["loss"]);
        AssertShutDown(passes: 1);
        Assert.InRange(_made.Count / 2, 3, 10);   // three used, the rest read ahead
    }

    [Fact]
    public void EarlyStoppingAfterAnEpochEndsTheThreadsOfEveryPass()
    {
        var model = new BlobMlp();
        var history = model.Fit(Pipeline(), epochs: 50, verbose: 0, callbacks: [new EarlyStopping(monitor: "loss", minDelta: 100, patience: 1)]);

        Assert.Equal(2, history.Logs["loss"].Count);
        AssertShutDown(passes: 2);   // each pass starts its own
    }

    [Fact]
    public void AWorkersExceptionReachesFitWithItsMessageAndEndsTheThreads()
    {
        var model = new BlobMlp();
        var error = Assert.Throws<FormatException>(() =>
            model.Fit(Pipeline(i => i == 4 ? new FormatException("batch 4 is unreadable") : null), epochs: 2, verbose: 0));

        Assert.Equal("batch 4 is unreadable", error.Message);
        AssertShutDown(passes: 1);
    }

    [Fact]
    public void AStepsExceptionEndsTheThreads()
    {
        var model = new BlobMlp();
        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(Pipeline(), epochs: 2, verbose: 0, callbacks: [new ThrowAtBatch(1)]));

        Assert.Equal("callback failed at batch 1", error.Message);
        AssertShutDown(passes: 1);
    }

    // Each pass runs the prefetch thread and one or two map workers (a busy machine may leave the second idle).
    private void AssertShutDown(int passes)
    {
        Assert.InRange(_threads.Count, 2 * passes, 3 * passes);
        Assert.All(_threads.Keys, thread => Assert.False(thread.IsAlive, $"{thread.Name} is still running"));
        Assert.All(_made, tensor => Assert.True(tensor.IsInvalid, "a batch made by a worker was not disposed"));
    }

    private sealed class StopAtBatch(int batch) : Callback
    {
        public override void OnTrainBatchEnd(int step, IDictionary<string, double> logs) => Model.StopTraining |= step == batch;
    }

    private sealed class ThrowAtBatch(int batch) : Callback
    {
        public override void OnTrainBatchBegin(int step, IDictionary<string, double> logs)
        {
            if (step == batch)
            {
                throw new InvalidOperationException($"callback failed at batch {batch}");
            }
        }
    }
}
