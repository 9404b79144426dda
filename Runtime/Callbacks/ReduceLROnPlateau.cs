using System;
using System.Collections.Generic;
using StaticKeras.Callbacks.Formatting;

namespace StaticKeras.Callbacks;

/// <summary>
/// Reduces the learning rate when a monitored quantity has stopped improving (Keras'
/// <c>ReduceLROnPlateau</c>): after <see cref="Patience"/> epochs without improvement the
/// optimizer's learning rate is multiplied by <see cref="Factor"/>, not below <see cref="MinLr"/>,
/// followed by <see cref="Cooldown"/> epochs in which waiting does not count. Every epoch end
/// also logs the current rate under <c>learning_rate</c>.
/// </summary>
/// <example>
/// <code>
/// var reduceLr = new ReduceLROnPlateau(monitor: "val_loss", factor: 0.2, patience: 5, minLr: 0.001);
/// model.Fit(xTrain, yTrain, callbacks: [reduceLr]);
/// </code>
/// </example>
public class ReduceLROnPlateau : Callback
{
    private Func<double, double, bool> _isBetter = (_, _) => false;

    /// <summary>Creates the callback with Keras' arguments and defaults.</summary>
    /// <param name="monitor">The quantity to watch.</param>
    /// <param name="factor">The multiplier applied to the learning rate: <c>new_lr = lr * factor</c>; below 1.</param>
    /// <param name="patience">Epochs without improvement before the rate is reduced.</param>
    /// <param name="verbose">0: silent; 1: print each reduction.</param>
    /// <param name="mode">
    /// Whether lower or higher is better. In auto mode this callback keeps Keras' rule for it:
    /// higher is better when <paramref name="monitor"/> contains <c>acc</c>.
    /// </param>
    /// <param name="minDelta">The margin by which a value must beat the best to count as an improvement.</param>
    /// <param name="cooldown">Epochs after a reduction before waiting counts again.</param>
    /// <param name="minLr">The lower bound of the learning rate.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is 1 or more.</exception>
    public ReduceLROnPlateau(
        string monitor = "val_loss",
        double factor = 0.1,
        int patience = 10,
        int verbose = 0,
        MonitorMode mode = MonitorMode.Auto,
        double minDelta = 1e-4,
        int cooldown = 0,
        double minLr = 0)
    {
        if (factor >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor,
                $"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={PythonFloat.Repr(factor)}");
        }

        Monitor = monitor;
        Factor = factor;
        Patience = patience;
        Verbose = verbose;
        Mode = mode;
        MinDelta = minDelta;
        Cooldown = cooldown;
        MinLr = minLr;
        Reset();
    }

    /// <summary>The quantity watched.</summary>
    public string Monitor { get; }

    /// <summary>The learning-rate multiplier.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a reduction.</summary>
    public int Patience { get; }

    /// <summary>0: silent; 1: print reductions.</summary>
    public int Verbose { get; }

    /// <summary>The mode given to the constructor.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The improvement margin.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs after a reduction before waiting counts again.</summary>
    public int Cooldown { get; }

    /// <summary>The lower bound of the learning rate.</summary>
    public double MinLr { get; }

    /// <summary>The best value seen (∞ or −∞ before the first).</summary>
    public double Best { get; private set; }

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>Cooldown epochs remaining.</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>Whether a cooldown is running.</summary>
    public bool InCooldown => CooldownCounter > 0;

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs) => Reset();

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        var optimizer = OptimizerAccess.Require(this, RequireModel());
        logs["learning_rate"] = OptimizerAccess.ReadLearningRate(optimizer);
        if (!logs.TryGetValue(Monitor, out var current))
        {
            Warn($"Learning rate reduction is conditioned on metric `{Monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}.");
            return;
        }

        if (InCooldown)
        {
            CooldownCounter--;
            Wait = 0;
        }

        if (_isBetter(current, Best))
        {
            Best = current;
            Wait = 0;
        }
        else if (!InCooldown && ++Wait >= Patience)
        {
            var oldLr = OptimizerAccess.ReadLearningRate(optimizer);
            if (oldLr > (float)MinLr)
            {
                var newLr = Math.Max(oldLr * Factor, MinLr);
                optimizer.LearningRate = newLr;
                if (Verbose > 0)
                {
                    Print($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {PythonFloat.Repr(newLr)}.");
                }

                CooldownCounter = Cooldown;
                Wait = 0;
            }
        }
    }

    private void Reset()
    {
        if (Mode == MonitorMode.Min || (Mode == MonitorMode.Auto && !Monitor.Contains("acc", StringComparison.Ordinal)))
        {
            _isBetter = (a, b) => a < b - MinDelta;
            Best = double.PositiveInfinity;
        }
        else
        {
            _isBetter = (a, b) => a > b + MinDelta;
            Best = double.NegativeInfinity;
        }

        CooldownCounter = 0;
        Wait = 0;
    }
}
