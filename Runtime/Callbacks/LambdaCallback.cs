using System;
using System.Collections.Generic;

namespace StaticKeras.Callbacks;

/// <summary>
/// A callback built from delegates (Keras' <c>LambdaCallback</c>): pass a function for each hook
/// you need, by name. Epoch and batch hooks receive the zero-based number and the logs; begin and
/// end hooks receive the logs.
/// </summary>
/// <example>
/// <code>
/// var printBatch = new LambdaCallback(onTrainBatchBegin: (batch, logs) => Console.WriteLine(batch));
/// var saveLoss = new LambdaCallback(onEpochEnd: (epoch, logs) => losses.Add(logs["loss"]));
/// </code>
/// </example>
public class LambdaCallback : Callback
{
    private readonly Action<int, IDictionary<string, double>>? _onEpochBegin;
    private readonly Action<int, IDictionary<string, double>>? _onEpochEnd;
    private readonly Action<IDictionary<string, double>>? _onTrainBegin;
    private readonly Action<IDictionary<string, double>>? _onTrainEnd;
    private readonly Action<int, IDictionary<string, double>>? _onTrainBatchBegin;
    private readonly Action<int, IDictionary<string, double>>? _onTrainBatchEnd;
    private readonly Action<IDictionary<string, double>>? _onTestBegin;
    private readonly Action<IDictionary<string, double>>? _onTestEnd;
    private readonly Action<int, IDictionary<string, double>>? _onTestBatchBegin;
    private readonly Action<int, IDictionary<string, double>>? _onTestBatchEnd;
    private readonly Action<IDictionary<string, double>>? _onPredictBegin;
    private readonly Action<IDictionary<string, double>>? _onPredictEnd;
    private readonly Action<int, IDictionary<string, double>>? _onPredictBatchBegin;
    private readonly Action<int, IDictionary<string, double>>? _onPredictBatchEnd;

    /// <summary>Creates the callback from the hooks given; the others do nothing.</summary>
    /// <param name="onEpochBegin">Called at the start of every epoch.</param>
    /// <param name="onEpochEnd">Called at the end of every epoch.</param>
    /// <param name="onTrainBegin">Called at the start of training.</param>
    /// <param name="onTrainEnd">Called at the end of training.</param>
    /// <param name="onTrainBatchBegin">Called before every training batch.</param>
    /// <param name="onTrainBatchEnd">Called after every training batch.</param>
    /// <param name="onTestBegin">Called at the start of evaluation.</param>
    /// <param name="onTestEnd">Called at the end of evaluation.</param>
    /// <param name="onTestBatchBegin">Called before every evaluation batch.</param>
    /// <param name="onTestBatchEnd">Called after every evaluation batch.</param>
    /// <param name="onPredictBegin">Called at the start of prediction.</param>
    /// <param name="onPredictEnd">Called at the end of prediction.</param>
    /// <param name="onPredictBatchBegin">Called before every prediction batch.</param>
    /// <param name="onPredictBatchEnd">Called after every prediction batch.</param>
    public LambdaCallback(
        Action<int, IDictionary<string, double>>? onEpochBegin = null,
        Action<int, IDictionary<string, double>>? onEpochEnd = null,
        Action<IDictionary<string, double>>? onTrainBegin = null,
        Action<IDictionary<string, double>>? onTrainEnd = null,
        Action<int, IDictionary<string, double>>? onTrainBatchBegin = null,
        Action<int, IDictionary<string, double>>? onTrainBatchEnd = null,
        Action<IDictionary<string, double>>? onTestBegin = null,
        Action<IDictionary<string, double>>? onTestEnd = null,
        Action<int, IDictionary<string, double>>? onTestBatchBegin = null,
        Action<int, IDictionary<string, double>>? onTestBatchEnd = null,
        Action<IDictionary<string, double>>? onPredictBegin = null,
        Action<IDictionary<string, double>>? onPredictEnd = null,
        Action<int, IDictionary<string, double>>? onPredictBatchBegin = null,
        Action<int, IDictionary<string, double>>? onPredictBatchEnd = null)
    {
        _onEpochBegin = onEpochBegin;
        _onEpochEnd = onEpochEnd;
        _onTrainBegin = onTrainBegin;
        _onTrainEnd = onTrainEnd;
        _onTrainBatchBegin = onTrainBatchBegin;
        _onTrainBatchEnd = onTrainBatchEnd;
        _onTestBegin = onTestBegin;
        _onTestEnd = onTestEnd;
        _onTestBatchBegin = onTestBatchBegin;
        _onTestBatchEnd = onTestBatchEnd;
        _onPredictBegin = onPredictBegin;
        _onPredictEnd = onPredictEnd;
        _onPredictBatchBegin = onPredictBatchBegin;
        _onPredictBatchEnd = onPredictBatchEnd;
    }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => _onEpochBegin?.Invoke(epoch, logs);

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => _onEpochEnd?.Invoke(epoch, logs);

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs) => _onTrainBegin?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnTrainEnd(IDictionary<string, double> logs) => _onTrainEnd?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) => _onTrainBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => _onTrainBatchEnd?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnTestBegin(IDictionary<string, double> logs) => _onTestBegin?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnTestEnd(IDictionary<string, double> logs) => _onTestEnd?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnTestBatchBegin(int batch, IDictionary<string, double> logs) => _onTestBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnTestBatchEnd(int batch, IDictionary<string, double> logs) => _onTestBatchEnd?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnPredictBegin(IDictionary<string, double> logs) => _onPredictBegin?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnPredictEnd(IDictionary<string, double> logs) => _onPredictEnd?.Invoke(logs);

    /// <inheritdoc/>
    public override void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) => _onPredictBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) => _onPredictBatchEnd?.Invoke(batch, logs);
}
