using System.Collections.Generic;
using System.Linq;
using StaticKeras.Callbacks;

namespace StaticKeras.Training;

/// <summary>
/// The callbacks of one <c>Fit</c>, <c>Evaluate</c> or <c>Predict</c> call (Keras' <c>CallbackList</c>):
/// the user's, then a <see cref="History"/> and a <see cref="ProgbarLogger"/> unless given. Every
/// callback gets the model and the run's parameters before the first hook, and the same logs
/// dictionary per hook, so a callback may add a value (ReduceLROnPlateau adds <c>learning_rate</c>)
/// that later ones see.
/// </summary>
internal sealed class CallbackList
{
    private readonly List<Callback> _callbacks;

    public CallbackList(IEnumerable<Callback>? callbacks, Model model, IReadOnlyDictionary<string, object> parameters,
        bool addHistory, bool addProgbar)
    {
        _callbacks = callbacks?.ToList() ?? [];
        var missing = _callbacks.IndexOf(null!);
        if (missing >= 0)
        {
            throw new System.ArgumentException(
                $"callbacks[{missing}] is null; expected Callback instances (leave the entry out, or pass callbacks: null for none).", nameof(callbacks));
        }

        History = _callbacks.OfType<History>().FirstOrDefault();
        if (History is null && addHistory)
        {
            History = new History();
            _callbacks.Add(History);
        }

        if (addProgbar && !_callbacks.OfType<ProgbarLogger>().Any())
        {
            _callbacks.Add(new ProgbarLogger());
        }

        foreach (var callback in _callbacks)
        {
            callback.Model = model;
            callback.Params = parameters;
        }
    }

    public History? History { get; }

    /// <summary>
    /// Whether the only callbacks are the built-in history and progress bar, which never change the
    /// model's weights (so inference may keep copies of them for a whole call).
    /// </summary>
    public bool OnlyBuiltIn => _callbacks.TrueForAll(static c => c is Callbacks.History or Callbacks.ProgbarLogger);

    /// <summary>Whether there is any callback, so that per-batch logs are worth computing.</summary>
    public bool Any => _callbacks.Count > 0;

    /// <summary>
    /// The parameters Keras gives callbacks: <c>verbose</c>, <c>epochs</c>, <c>steps</c> (per epoch; left
    /// out while unknown, Keras' <c>None</c>), and for training the <c>samples</c> per epoch (Keras 2's
    /// parameter; the progress bar's samples/s), which Fit updates as each epoch ends.
    /// </summary>
    public static Dictionary<string, object> RunParams(int verbose, int epochs, int? steps, long? samples = null)
    {
        var parameters = new Dictionary<string, object> { ["verbose"] = verbose, ["epochs"] = epochs };
        if (steps is { } count)
        {
            parameters["steps"] = count;
        }

        if (samples is { } seen)
        {
            parameters["samples"] = checked((int)seen);
        }

        return parameters;
    }

    public void OnTrainBegin() => Each(c => c.OnTrainBegin, Empty());

    public void OnTrainEnd(IDictionary<string, double> logs) => Each(c => c.OnTrainEnd, logs);

    public void OnEpochBegin(int epoch) => Each(epoch, c => c.OnEpochBegin, Empty());

    public void OnEpochEnd(int epoch, IDictionary<string, double> logs) => Each(epoch, c => c.OnEpochEnd, logs);

    public void OnTrainBatchBegin(int batch) => Each(batch, c => c.OnTrainBatchBegin, Empty());

    public void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => Each(batch, c => c.OnTrainBatchEnd, logs);

    public void OnTestBegin() => Each(c => c.OnTestBegin, Empty());

    public void OnTestEnd(IDictionary<string, double> logs) => Each(c => c.OnTestEnd, logs);

    public void OnTestBatchBegin(int batch) => Each(batch, c => c.OnTestBatchBegin, Empty());

    public void OnTestBatchEnd(int batch, IDictionary<string, double> logs) => Each(batch, c => c.OnTestBatchEnd, logs);

    public void OnPredictBegin() => Each(c => c.OnPredictBegin, Empty());

    public void OnPredictEnd() => Each(c => c.OnPredictEnd, Empty());

    public void OnPredictBatchBegin(int batch) => Each(batch, c => c.OnPredictBatchBegin, Empty());

    public void OnPredictBatchEnd(int batch) => Each(batch, c => c.OnPredictBatchEnd, Empty());

    private static OrderedDictionary<string, double> Empty() => [];

    private void Each(System.Func<Callback, System.Action<IDictionary<string, double>>> hook, IDictionary<string, double> logs)
    {
        foreach (var callback in _callbacks)
        {
            hook(callback)(logs);
        }
    }

    private void Each(int index, System.Func<Callback, System.Action<int, IDictionary<string, double>>> hook, IDictionary<string, double> logs)
    {
        foreach (var callback in _callbacks)
        {
            hook(callback)(index, logs);
        }
    }
}
