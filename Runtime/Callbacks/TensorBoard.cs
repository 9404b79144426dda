using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks.TensorBoardFormat;
using static TorchSharp.torch;

namespace StaticKeras.Callbacks;

/// <summary>
/// Writes TensorBoard event files while training (Keras' <c>TensorBoard</c> callback), for
/// <c>tensorboard --logdir logs</c>. As Keras does, <c>{logDir}/train</c> gets
/// <c>epoch_{key}</c> for every training log key and <c>epoch_learning_rate</c> at each epoch,
/// <c>batch_{key}</c> every <see cref="UpdateFreq"/> batches when that is not per epoch, and the
/// weight histograms <c>{layer}/{weight}/histogram</c> every <see cref="HistogramFreq"/> epochs;
/// <c>{logDir}/validation</c> gets <c>epoch_{key}</c> for each <c>val_{key}</c> and
/// <c>evaluation_{key}_vs_iterations</c> after each validation, at the number of training batches run.
/// </summary>
/// <example>
/// <code>
/// model.Fit(x, y, epochs: 10, validationSplit: 0.1, callbacks: [new TensorBoard("logs/run1", histogramFreq: 1)]);
/// </code>
/// </example>
public sealed class TensorBoard : Callback, IDisposable
{
    private readonly TimeProvider? _timeProvider;
    private EventFileWriter? _train;
    private EventFileWriter? _validation;
    private long _globalTrainBatch;

    /// <summary>Creates the callback.</summary>
    /// <param name="logDir">The run's directory; <c>train</c> and <c>validation</c> subdirectories are created in it.</param>
    /// <param name="histogramFreq">Write a histogram of every weight every this many epochs (from the first); 0 for none.</param>
    /// <param name="updateFreq">Per-batch scalars too, every N training batches (Keras' <c>update_freq=N</c>;
    /// <c>1</c> is Keras' <c>"batch"</c>), or only per epoch (<see cref="SaveFrequency.Epoch"/>, the default).</param>
    /// <param name="timeProvider">The clock for the events' wall times (default: the system's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="histogramFreq"/> is negative.</exception>
    public TensorBoard(string logDir = "logs", int histogramFreq = 0, SaveFrequency updateFreq = default, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(logDir);
        ArgumentOutOfRangeException.ThrowIfNegative(histogramFreq);
        LogDir = logDir;
        HistogramFreq = histogramFreq;
        UpdateFreq = updateFreq;
        _timeProvider = timeProvider;
    }

    /// <summary>The run's directory.</summary>
    public string LogDir { get; }

    /// <summary>Epochs between weight histograms; 0 for none.</summary>
    public int HistogramFreq { get; }

    /// <summary>When scalars are written: per epoch, or also every N training batches.</summary>
    public SaveFrequency UpdateFreq { get; }

    /// <summary>The training event file, once training has begun.</summary>
    public string? TrainFile => _train?.Path;

    /// <summary>The validation event file, once a validation has run.</summary>
    public string? ValidationFile => _validation?.Path;

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        Dispose();
        _globalTrainBatch = 0;
        _train = new EventFileWriter(Path.Combine(LogDir, "train"), _timeProvider);
    }

    /// <inheritdoc/>
    public override void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) => _globalTrainBatch++;

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (_train is null || UpdateFreq.IsEpoch || _globalTrainBatch % UpdateFreq.Batches != 0)
        {
            return;
        }

        foreach (var (key, value) in logs)
        {
            _train.Scalar("batch_" + key, _globalTrainBatch, value);
        }

        _train.Flush();
    }

    /// <inheritdoc/>
    public override void OnTestEnd(IDictionary<string, double> logs)
    {
        if (_train is null)
        {
            return;   // Evaluate outside Fit: Keras writes these only with a train step count
        }

        var writer = Validation();
        foreach (var (key, value) in logs)
        {
            writer.Scalar($"evaluation_{key}_vs_iterations", _globalTrainBatch, value);
        }

        writer.Flush();
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        var train = _train ?? throw new InvalidOperationException("TensorBoard.OnEpochEnd was called before OnTrainBegin opened the log.");
        foreach (var (key, value) in logs.Where(l => !l.Key.StartsWith("val_", StringComparison.Ordinal)))
        {
            train.Scalar("epoch_" + key, epoch, value);
        }

        if (!logs.ContainsKey("learning_rate") && LearningRate() is { } learningRate)
        {
            train.Scalar("epoch_learning_rate", epoch, learningRate);
        }

        if (HistogramFreq > 0 && epoch % HistogramFreq == 0)
        {
            WriteHistograms(train, epoch);
        }

        train.Flush();
        var validationLogs = logs.Where(l => l.Key.StartsWith("val_", StringComparison.Ordinal)).ToList();
        if (validationLogs.Count > 0)
        {
            var writer = Validation();
            foreach (var (key, value) in validationLogs)
            {
                writer.Scalar("epoch_" + key["val_".Length..], epoch, value);
            }

            writer.Flush();
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(IDictionary<string, double> logs) => Dispose();

    /// <summary>Closes the event files.</summary>
    public void Dispose()
    {
        _train?.Dispose();
        _validation?.Dispose();
        _train = null;
        _validation = null;
    }

    private EventFileWriter Validation() => _validation ??= new EventFileWriter(Path.Combine(LogDir, "validation"), _timeProvider);

    // Keras logs the optimizer's learning rate when the model has one.
    private double? LearningRate()
    {
        try
        {
            return OptimizerAccess.ReadLearningRate(RequireModel().CompiledOptimizer);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // Keras' weight.path ("dense/kernel") for state_dict's "dense.kernel", with the "/histogram" suffix.
    private void WriteHistograms(EventFileWriter writer, int epoch)
    {
        foreach (var (name, weight) in RequireModel().state_dict())
        {
            using var scope = NewDisposeScope();
            var values = weight.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            writer.Histogram(name.Replace('.', '/') + "/histogram", epoch, values);
        }
    }
}
