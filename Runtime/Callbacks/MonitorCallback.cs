using System;

namespace StaticKeras.Callbacks;

/// <summary>
/// The base of callbacks that watch one logged quantity and act on improvements, as Keras 3's
/// <c>MonitorCallback</c> (EarlyStopping and ModelCheckpoint derive from it). The direction of
/// "better" is settled at the first epoch end, when the model's metrics are known.
/// </summary>
public abstract class MonitorCallback : Callback
{
    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">The log key to watch, such as <c>val_loss</c> or <c>accuracy</c>.</param>
    /// <param name="mode">Whether lower or higher is better, or inferred from the name.</param>
    /// <param name="baseline">The initial best value; <see langword="null"/> makes the first value the best.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement (its absolute value is used).</param>
    protected MonitorCallback(string monitor, MonitorMode mode, double? baseline, double minDelta)
    {
        Monitor = monitor;
        Mode = mode;
        Best = baseline;
        MinDelta = Math.Abs(minDelta);
    }

    /// <summary>The log key being watched.</summary>
    public string Monitor { get; }

    /// <summary>The mode given to the constructor.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The smallest change that counts as an improvement (non-negative).</summary>
    public double MinDelta { get; }

    /// <summary>The best value seen so far, or <see langword="null"/> before the first.</summary>
    public double? Best { get; protected set; }

    /// <summary>Whether higher values are better; <see langword="null"/> until <see cref="ResolveDirection"/> runs.</summary>
    public bool? HigherIsBetter { get; private set; }

    /// <summary>
    /// The message when <see cref="MonitorMode.Auto"/> cannot tell which way is better (Keras'
    /// wording, with the C# spelling of the mode).
    /// </summary>
    protected virtual string UndecidedDirectionMessage =>
        $"{GetType().Name} callback received monitor={Monitor}, but Keras isn't able to " +
        "automatically determine whether that metric should be maximized or minimized. Pass " +
        "`mode: MonitorMode.Max` in order to monitor based on the highest metric value, or pass " +
        "`mode: MonitorMode.Min` in order to use the lowest value.";

    /// <summary>Settles <see cref="HigherIsBetter"/> from the mode, or from the monitored name in auto mode (Keras' <c>_set_monitor_op</c>).</summary>
    /// <exception cref="InvalidOperationException">Auto mode and a name whose direction is unknown.</exception>
    protected void ResolveDirection()
    {
        if (HigherIsBetter is not null)
        {
            return;
        }

        HigherIsBetter = Mode switch
        {
            MonitorMode.Min => false,
            MonitorMode.Max => true,
            _ => MetricDirection.HigherIsBetter(RequireModel(), Monitor)
                ?? throw new InvalidOperationException(UndecidedDirectionMessage),
        };
    }

    /// <summary>
    /// Whether <paramref name="value"/> improves on <paramref name="reference"/> by more than
    /// <see cref="MinDelta"/>; anything improves on <see langword="null"/>. As in Keras, the
    /// comparison is made in float32 (Keras' <c>ops.less</c>/<c>ops.greater</c> on Python floats).
    /// </summary>
    protected bool IsImprovement(double value, double? reference)
    {
        if (reference is null)
        {
            return true;
        }

        ResolveDirection();
        return HigherIsBetter!.Value
            ? (float)(value - MinDelta) > (float)reference.Value
            : (float)(value + MinDelta) < (float)reference.Value;
    }
}
