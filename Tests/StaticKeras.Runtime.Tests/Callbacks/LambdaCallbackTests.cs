using System.Collections.Generic;
using StaticKeras.Callbacks;
using Xunit;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>LambdaCallback routes each hook to the delegate given for it.</summary>
public class LambdaCallbackTests
{
    [Fact]
    public void EachHookCallsItsDelegateWithItsArguments()
    {
        var calls = new List<string>();
        var logs = new Dictionary<string, double> { ["loss"] = 0.5 };
        void Epoch(string name, int n, IDictionary<string, double> l) => calls.Add($"{name} {n} {l["loss"]}");
        void Whole(string name, IDictionary<string, double> l) => calls.Add($"{name} {l["loss"]}");
        var callback = new LambdaCallback(
            onEpochBegin: (e, l) => Epoch("epochBegin", e, l),
            onEpochEnd: (e, l) => Epoch("epochEnd", e, l),
            onTrainBegin: l => Whole("trainBegin", l),
            onTrainEnd: l => Whole("trainEnd", l),
            onTrainBatchBegin: (b, l) => Epoch("trainBatchBegin", b, l),
            onTrainBatchEnd: (b, l) => Epoch("trainBatchEnd", b, l),
            onTestBegin: l => Whole("testBegin", l),
            onTestEnd: l => Whole("testEnd", l),
            onTestBatchBegin: (b, l) => Epoch("testBatchBegin", b, l),
            onTestBatchEnd: (b, l) => Epoch("testBatchEnd", b, l),
            onPredictBegin: l => Whole("predictBegin", l),
            onPredictEnd: l => Whole("predictEnd", l),
            onPredictBatchBegin: (b, l) => Epoch("predictBatchBegin", b, l),
            onPredictBatchEnd: (b, l) => Epoch("predictBatchEnd", b, l));

        callback.OnTrainBegin(logs);
        callback.OnEpochBegin(1, logs);
        callback.OnTrainBatchBegin(2, logs);
        callback.OnTrainBatchEnd(3, logs);
        callback.OnEpochEnd(4, logs);
        callback.OnTrainEnd(logs);
        callback.OnTestBegin(logs);
        callback.OnTestBatchBegin(5, logs);
        callback.OnTestBatchEnd(6, logs);
        callback.OnTestEnd(logs);
        callback.OnPredictBegin(logs);
        callback.OnPredictBatchBegin(7, logs);
        callback.OnPredictBatchEnd(8, logs);
        callback.OnPredictEnd(logs);

        Assert.Equal(new[]
        {
            "trainBegin 0.5", "epochBegin 1 0.5", "trainBatchBegin 2 0.5", "trainBatchEnd 3 0.5", "epochEnd 4 0.5", "trainEnd 0.5",
            "testBegin 0.5", "testBatchBegin 5 0.5", "testBatchEnd 6 0.5", "testEnd 0.5",
            "predictBegin 0.5", "predictBatchBegin 7 0.5", "predictBatchEnd 8 0.5", "predictEnd 0.5",
        }, calls);
    }

    [Fact]
    public void HooksNotGivenDoNothing()
    {
        var ends = new List<int>();
        var callback = new LambdaCallback(onEpochEnd: (epoch, _) => ends.Add(epoch));
        var logs = new Dictionary<string, double>();

        callback.OnTrainBegin(logs);
        callback.OnEpochBegin(0, logs);
        callback.OnTrainBatchEnd(0, logs);
        callback.OnEpochEnd(0, logs);
        callback.OnTrainEnd(logs);

        Assert.Equal(new[] { 0 }, ends);
    }
}
