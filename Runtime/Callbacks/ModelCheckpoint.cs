using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks.Formatting;
using StaticKeras.Saving;

namespace StaticKeras.Callbacks;

/// <summary>
/// Saves the model's weights during training (Keras' <c>ModelCheckpoint</c>): at every epoch end or
/// every N batches, or only when the monitored quantity improves. Files are safetensors, written
/// atomically, so an interrupted save never corrupts the previous checkpoint.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Filepath"/> may contain Python format fields filled from <c>epoch</c> (1-based),
/// <c>batch</c> (1-based, batch-frequency saves) and the logs: <c>"ckpt/{epoch:02d}-{val_loss:.2f}.weights.safetensors"</c>.
/// Supported: width, fill and alignment, sign, zero padding, grouping, precision, and the types
/// <c>d b o x X</c> for epoch and batch, <c>f e g %</c> (and upper-case) for logged values.
/// </para>
/// <para>
/// With <c>saveWeightsOnly: true</c> the file holds the weights, as <see cref="Model.SaveWeights(string)"/>
/// writes them, and its name must end in <c>.weights.safetensors</c>. Otherwise it is a full-model
/// checkpoint: the same weights plus metadata describing the model class (input and output
/// shapes, compile configuration), since a StaticKeras architecture is its C# class; its name must
/// end in <c>.safetensors</c>. Both also hold the optimizer's state (docs/optimizers.md) and load with <see cref="Model.LoadWeights"/>.
/// </para>
/// </remarks>
public class ModelCheckpoint : MonitorCallback
{
    private int _batchesSinceLastSave;
    private int _lastBatchSeen;
    private int _currentEpoch;

    /// <summary>Creates the callback with Keras' arguments and defaults.</summary>
    /// <param name="filepath">Where to save; may contain format fields such as <c>{epoch:02d}</c> and <c>{val_loss:.2f}</c>.</param>
    /// <param name="monitor">The quantity that decides which model is best.</param>
    /// <param name="verbose">0: silent; 1: print a line whenever the callback saves or declines to.</param>
    /// <param name="saveBestOnly">Save only when <paramref name="monitor"/> improves on the best so far.</param>
    /// <param name="saveWeightsOnly">Save the weights only (<c>.weights.safetensors</c>) rather than a full-model checkpoint.</param>
    /// <param name="mode">Whether lower or higher is better, or inferred from <paramref name="monitor"/>.</param>
    /// <param name="saveFreq">At every epoch end (default) or after every N batches.</param>
    /// <param name="initialValueThreshold">With <paramref name="saveBestOnly"/>, a value the first save must already beat.</param>
    /// <exception cref="ArgumentException">The file name does not end as the chosen kind of checkpoint requires.</exception>
    public ModelCheckpoint(
        string filepath,
        string monitor = "val_loss",
        int verbose = 0,
        bool saveBestOnly = false,
        bool saveWeightsOnly = false,
        MonitorMode mode = MonitorMode.Auto,
        SaveFrequency saveFreq = default,
        double? initialValueThreshold = null)
        : base(monitor, mode, initialValueThreshold, minDelta: 0)
    {
        if (saveWeightsOnly && !filepath.EndsWith(".weights.safetensors", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "When using `saveWeightsOnly: true` in `ModelCheckpoint`, the filepath provided must end in " +
                $"`.weights.safetensors` (StaticKeras weights format). Received: filepath={filepath}", nameof(filepath));
        }

        if (!saveWeightsOnly && !filepath.EndsWith(".safetensors", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The filepath provided must end in `.safetensors` (StaticKeras model format). Received: filepath={filepath}", nameof(filepath));
        }

        Filepath = filepath;
        Verbose = verbose;
        SaveBestOnly = saveBestOnly;
        SaveWeightsOnly = saveWeightsOnly;
        SaveFreq = saveFreq;
    }

    /// <summary>The path template.</summary>
    public string Filepath { get; }

    /// <summary>0: silent; 1: print save decisions.</summary>
    public int Verbose { get; }

    /// <summary>Whether only improvements are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>Whether only the weights are saved.</summary>
    public bool SaveWeightsOnly { get; }

    /// <summary>When saves happen.</summary>
    public SaveFrequency SaveFreq { get; }

    /// <summary>Test seam: wraps the checkpoint file stream (to interrupt a save part-way).</summary>
    internal Func<Stream, Stream>? WrapStream { get; set; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => _currentEpoch = epoch;

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (ShouldSaveOnBatch(batch))
        {
            Save(_currentEpoch, batch, logs);
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        ResolveDirection();
        if (SaveFreq.IsEpoch)
        {
            Save(epoch, batch: null, logs);
        }
    }

    private bool ShouldSaveOnBatch(int batch)
    {
        if (SaveFreq.IsEpoch)
        {
            return false;
        }

        // Batch numbers restart each epoch; count the batches seen since the last save.
        _batchesSinceLastSave += batch <= _lastBatchSeen ? batch + 1 : batch - _lastBatchSeen;
        _lastBatchSeen = batch;
        if (_batchesSinceLastSave >= SaveFreq.Batches)
        {
            _batchesSinceLastSave = 0;
            return true;
        }

        return false;
    }

    private void Save(int epoch, int? batch, IDictionary<string, double> logs)
    {
        var path = FilePath(epoch, batch, logs);
        if (!ShouldSave(epoch, logs, path))
        {
            return;
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an existing directory: {path}");
        }

        var model = RequireModel();
        model.SaveWeights(path, SaveWeightsOnly ? null : ModelMetadata.Describe(model), WrapStream);
    }

    private bool ShouldSave(int epoch, IDictionary<string, double> logs, string path)
    {
        if (!SaveBestOnly)
        {
            if (Verbose > 0)
            {
                Print($"\nEpoch {epoch + 1}: saving model to {path}");
            }

            return true;
        }

        if (!logs.TryGetValue(Monitor, out var current))
        {
            Warn($"Can save best model only with {Monitor} available.");
            return true;
        }

        var best = Best is { } b ? PythonFormatSpec.Format(b, ".5f") : "None";
        if (IsImprovement(current, Best))
        {
            if (Verbose > 0)
            {
                Print($"\nEpoch {epoch + 1}: {Monitor} improved from {best} to {PythonFormatSpec.Format(current, ".5f")}, saving model to {path}");
            }

            Best = current;
            return true;
        }

        if (Verbose > 0)
        {
            Print($"\nEpoch {epoch + 1}: {Monitor} did not improve from {best}");
        }

        return false;
    }

    private string FilePath(int epoch, int? batch, IDictionary<string, double> logs)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in logs)
        {
            values[key] = value;
        }

        values["epoch"] = (long)epoch + 1;
        if (batch is not null && !logs.ContainsKey("batch"))
        {
            values["batch"] = (long)batch.Value + 1;
        }

        try
        {
            return PythonTemplate.Format(Filepath, values);
        }
        catch (KeyNotFoundException e)
        {
            throw new KeyNotFoundException($"Failed to format this callback filepath: \"{Filepath}\". Reason: {e.Message}", e);
        }
    }
}
