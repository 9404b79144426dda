using System.Collections.Generic;
using StaticKeras.Saving;

namespace StaticKeras.Callbacks;

/// <summary>
/// Stops training when a monitored quantity has stopped improving (Keras' <c>EarlyStopping</c>).
/// At each epoch end it compares the monitored value with the best so far; after
/// <see cref="Patience"/> epochs without improvement it sets <see cref="Model.StopTraining"/>.
/// With <see cref="RestoreBestWeights"/>, the weights of the best epoch are restored at the end of
/// training whenever they were recorded, whether or not training stopped early (Keras 3).
/// </summary>
/// <example>
/// <code>
/// model.Fit(x, y, epochs: 100, validationSplit: 0.2,
///     callbacks: [new EarlyStopping(monitor: "val_loss", patience: 3, restoreBestWeights: true)]);
/// </code>
/// </example>
public class EarlyStopping : MonitorCallback
{
    private WeightSnapshot? _bestWeights;

    /// <summary>Creates the callback with Keras' arguments and defaults.</summary>
    /// <param name="monitor">The quantity to watch.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="patience">Epochs without improvement after which training stops.</param>
    /// <param name="verbose">0: silent; 1: print when stopping and when restoring weights.</param>
    /// <param name="mode">Whether lower or higher is better, or inferred from <paramref name="monitor"/>.</param>
    /// <param name="baseline">
    /// A value to beat: the patience counter only restarts when an epoch improves on both the best
    /// value and the baseline, so training stops after <paramref name="patience"/> epochs that fail to beat it.
    /// </param>
    /// <param name="restoreBestWeights">Whether to restore the weights of the best epoch at the end of training.</param>
    /// <param name="startFromEpoch">Epochs of warm-up before monitoring starts.</param>
    public EarlyStopping(
        string monitor = "val_loss",
        double minDelta = 0,
        int patience = 0,
        int verbose = 0,
        MonitorMode mode = MonitorMode.Auto,
        double? baseline = null,
        bool restoreBestWeights = false,
        int startFromEpoch = 0)
        : base(monitor, mode, baseline: null, minDelta)
    {
        Patience = patience;
        Verbose = verbose;
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
        StartFromEpoch = startFromEpoch;
    }

    /// <summary>Epochs without improvement after which training stops.</summary>
    public int Patience { get; }

    /// <summary>0: silent; 1: print when stopping and restoring.</summary>
    public int Verbose { get; }

    /// <summary>The value an epoch must beat to restart the patience counter, if any.</summary>
    public double? Baseline { get; }

    /// <summary>Whether the best epoch's weights are restored at the end of training.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Epochs of warm-up before monitoring starts.</summary>
    public int StartFromEpoch { get; }

    /// <summary>Epochs since the last improvement (Keras' <c>wait</c>).</summary>
    public int Wait { get; private set; }

    /// <summary>The zero-based epoch at which training was stopped, or 0 if it was not.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The zero-based epoch with the best monitored value.</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc/>
    protected override string UndecidedDirectionMessage =>
        $"EarlyStopping callback received monitor={Monitor} but Keras isn't able to automatically " +
        "determine whether that metric should be maximized or minimized. Pass `mode: MonitorMode.Max` " +
        "in order to do early stopping based on the highest metric value, or pass `mode: MonitorMode.Min` " +
        "in order to use the lowest value.";

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        // Allows the callback to be reused across Fit calls.
        Wait = 0;
        StoppedEpoch = 0;
        Best = null;
        ReplaceBestWeights(null);
        BestEpoch = 0;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        ResolveDirection();
        if (!logs.TryGetValue(Monitor, out var current))
        {
            Warn($"Early stopping conditioned on metric `{Monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}");
            return;
        }

        if (epoch < StartFromEpoch)
        {
            return;
        }

        if (RestoreBestWeights && _bestWeights is null)
        {
            // Until something improves, the current weights are the best.
            ReplaceBestWeights(RequireModel().GetWeights());
            BestEpoch = epoch;
        }

        Wait++;
        if (IsImprovement(current, Best))
        {
            Best = current;
            BestEpoch = epoch;
            if (RestoreBestWeights)
            {
                ReplaceBestWeights(RequireModel().GetWeights());
            }

            // Restart the count only when the epoch beats both the best and the baseline.
            if (Baseline is null || IsImprovement(current, Baseline))
            {
                Wait = 0;
            }

            return;
        }

        if (Wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            RequireModel().StopTraining = true;
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(IDictionary<string, double> logs)
    {
        if (StoppedEpoch > 0 && Verbose > 0)
        {
            Print($"Epoch {StoppedEpoch + 1}: early stopping");
        }

        if (RestoreBestWeights && _bestWeights is not null)
        {
            if (Verbose > 0)
            {
                Print($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
            }

            RequireModel().SetWeights(_bestWeights);
            ReplaceBestWeights(null);
        }
    }

    private void ReplaceBestWeights(WeightSnapshot? weights)
    {
        _bestWeights?.Dispose();
        _bestWeights = weights;
    }
}
