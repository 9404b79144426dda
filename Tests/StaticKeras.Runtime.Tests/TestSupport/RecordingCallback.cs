using System.Collections.Generic;
using System.Linq;
using StaticKeras.Callbacks;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>Writes down every hook call, with the keys of the logs it received.</summary>
internal sealed class RecordingCallback : Callback
{
    public List<string> Calls { get; } = [];

    public List<IReadOnlyDictionary<string, object>> ParamsSeen { get; } = [];

    private void Add(string hook, IDictionary<string, double> logs)
    {
        if (Calls.Count == 0)
        {
            ParamsSeen.Add(Params);
        }

        Calls.Add(logs.Count == 0 ? hook : $"{hook} [{string.Join(", ", logs.Keys)}]");
    }

    public override void OnTrainBegin(IDictionary<string, double> logs) => Add("train_begin", logs);
    public override void OnTrainEnd(IDictionary<string, double> logs) => Add("train_end", logs);
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => Add($"epoch_begin {epoch}", logs);
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => Add($"epoch_end {epoch}", logs);
    public override void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) => Add($"train_batch_begin {batch}", logs);
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => Add($"train_batch_end {batch}", logs);
    public override void OnTestBegin(IDictionary<string, double> logs) => Add("test_begin", logs);
    public override void OnTestEnd(IDictionary<string, double> logs) => Add("test_end", logs);
    public override void OnTestBatchBegin(int batch, IDictionary<string, double> logs) => Add($"test_batch_begin {batch}", logs);
    public override void OnTestBatchEnd(int batch, IDictionary<string, double> logs) => Add($"test_batch_end {batch}", logs);
    public override void OnPredictBegin(IDictionary<string, double> logs) => Add("predict_begin", logs);
    public override void OnPredictEnd(IDictionary<string, double> logs) => Add("predict_end", logs);
    public override void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) => Add($"predict_batch_begin {batch}", logs);
    public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) => Add($"predict_batch_end {batch}", logs);
}
