using System.Collections.Generic;

namespace StaticKeras.Callbacks;

/// <summary>
/// Records the logs of every epoch (Keras' <c>History</c>). <c>Fit</c> adds one to its callbacks
/// unless given one, and returns it.
/// </summary>
/// <example>
/// <code>
/// var history = model.Fit(x, y, epochs: 10, validationSplit: 0.2);
/// double lastValLoss = history.Logs["val_loss"][^1];   // Keras: history.history["val_loss"][-1]
/// </code>
/// </example>
public sealed class History : Callback
{
    private readonly List<int> _epoch = [];
    private readonly OrderedDictionary<string, List<double>> _logs = [];
    private readonly OrderedDictionary<string, IReadOnlyList<double>> _view = [];

    /// <summary>The zero-based numbers of the epochs recorded (Keras' <c>history.epoch</c>).</summary>
    public IReadOnlyList<int> Epoch => _epoch;

    /// <summary>
    /// Each logged value by epoch, keyed as Keras logs them (<c>loss</c>, <c>accuracy</c>,
    /// <c>val_loss</c>, <c>val_accuracy</c>): Keras' <c>history.history</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Logs => _view;

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs) => _epoch.Clear();

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        _epoch.Add(epoch);
        foreach (var (key, value) in logs)
        {
            if (!_logs.TryGetValue(key, out var values))
            {
                values = [];
                _logs.Add(key, values);
                _view.Add(key, values);
            }

            values.Add(value);
        }
    }
}
