using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;

namespace StaticKeras.Runtime.Tests;

public class ModelCallbackTests
{
    [Fact]
    public void FitCallsEveryHookAtKerasPoints()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(5);
        var recorder = new RecordingCallback();

        var history = model.Fit(x, y, epochs: 2, batchSize: 2, verbose: 0, validationSplit: 0.4, callbacks: [recorder]);

        string[] epoch(int e) =>
        [
            $"epoch_begin {e}",
            "train_batch_begin 0", "train_batch_end 0 [accuracy, loss]",
            "train_batch_begin 1", "train_batch_end 1 [accuracy, loss]",
            "test_begin", "test_batch_begin 0", "test_batch_end 0 [accuracy, loss]", "test_end [accuracy, loss]",
            $"epoch_end {e} [accuracy, loss, val_accuracy, val_loss]",
        ];
        Assert.Equal(["train_begin", .. epoch(0), .. epoch(1), "train_end [accuracy, loss, val_accuracy, val_loss]"], recorder.Calls);
        Assert.Same(model, recorder.Model);
        // samples: the 3 training samples of an epoch (5 less the 0.4 validation split), for the progress bar's samples/s
        Assert.Equal(new Dictionary<string, object> { ["verbose"] = 0, ["epochs"] = 2, ["steps"] = 2, ["samples"] = 3 }, recorder.ParamsSeen[0]);
        Assert.IsType<History>(history);
    }

    [Fact]
    public void EvaluateAndPredictCallTheirHooks()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(3);
        var recorder = new RecordingCallback();
        model.Evaluate(x, y, batchSize: 2, verbose: 0, callbacks: [recorder]);
        Assert.Equal(["test_begin", "test_batch_begin 0", "test_batch_end 0 [accuracy, loss]", "test_batch_begin 1",
            "test_batch_end 1 [accuracy, loss]", "test_end [accuracy, loss]"], recorder.Calls);
        Assert.Equal(2, recorder.Params["steps"]);

        recorder.Calls.Clear();
        model.Predict(x, batchSize: 2, callbacks: [recorder]).Dispose();
        Assert.Equal(["predict_begin", "predict_batch_begin 0", "predict_batch_end 0", "predict_batch_begin 1",
            "predict_batch_end 1", "predict_end"], recorder.Calls);
    }

    [Fact]
    public void StopTrainingAtEpochEndEndsTraining()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(4);
        var history = model.Fit(x, y, epochs: 10, verbose: 0, callbacks: [new StopAt(epoch: 1, batch: null)]);
        Assert.Equal([0, 1], history.Epoch);
    }

    [Fact]
    public void StopTrainingFromABatchSkipsTheRestOfTheEpochButEndsIt()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(8);
        var recorder = new RecordingCallback();
        var history = model.Fit(x, y, epochs: 10, batchSize: 2, verbose: 0, validationSplit: 0.25,
            callbacks: [new StopAt(epoch: 0, batch: 1), recorder]);
        Assert.Equal([0], history.Epoch);
        Assert.Equal(2, System.Linq.Enumerable.Count(model.Phase("train")));
        Assert.Contains("epoch_end 0 [accuracy, loss, val_accuracy, val_loss]", recorder.Calls);
    }

    [Fact]
    public void AGivenHistoryIsUsedAndReturned()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(4);
        var mine = new History();
        Assert.Same(mine, model.Fit(x, y, verbose: 0, callbacks: [mine]));
        Assert.Single(mine.Epoch);
    }

    private sealed class StopAt(int epoch, int? batch) : Callback
    {
        private int _epoch;

        public override void OnEpochBegin(int epochNumber, IDictionary<string, double> logs) => _epoch = epochNumber;

        public override void OnTrainBatchEnd(int batchNumber, IDictionary<string, double> logs)
        {
            if (_epoch == epoch && batchNumber == batch)
            {
                Model.StopTraining = true;
            }
        }

        public override void OnEpochEnd(int epochNumber, IDictionary<string, double> logs)
        {
            if (batch is null && epochNumber == epoch)
            {
                Model.StopTraining = true;
            }
        }
    }
}
