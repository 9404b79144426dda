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
    private readonly Dictionary<string, List<int>> _epochsOf = [];

    /// <summary>The zero-based numbers of the epochs recorded (Keras' <c>history.epoch</c>).</summary>
    public IReadOnlyList<int> Epoch => _epoch;

    /// <summary>
    /// Each logged value by epoch, keyed as Keras logs them (<c>loss</c>, <c>accuracy</c>,
    /// <c>val_loss</c>, <c>val_accuracy</c>): Keras' <c>history.history</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Logs => _view;

    /// <summary>
    /// The epochs at which <paramref name="key"/> was logged, one per value of <see cref="Logs"/>[key]:
    /// all of them for training logs, fewer for <c>val_*</c> with a <c>validationFreq</c>; empty for a key never logged.
    /// </summary>
    public IReadOnlyList<int> EpochsOf(string key) => _epochsOf.TryGetValue(key, out var epochs) ? epochs : [];

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
                _epochsOf.Add(key, []);
            }

            values.Add(value);
            _epochsOf[key].Add(epoch);
        }
    }
}
