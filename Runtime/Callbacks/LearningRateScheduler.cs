using System;
using System.Collections.Generic;
using StaticKeras.Callbacks.Formatting;

namespace StaticKeras.Callbacks;

/// <summary>
/// Sets the learning rate at the start of every epoch from a schedule (Keras'
/// <c>LearningRateScheduler</c>), and logs the rate in effect under <c>learning_rate</c> at every
/// epoch end.
/// </summary>
/// <example>
/// <code>
/// // Keep the initial rate for ten epochs, then decay it exponentially.
/// var scheduler = new LearningRateScheduler((epoch, lr) => epoch &lt; 10 ? lr : lr * Math.Exp(-0.1));
/// </code>
/// </example>
public class LearningRateScheduler : Callback
{
    /// <summary>Creates the callback.</summary>
    /// <param name="schedule">Maps the zero-based epoch and the current learning rate to the new learning rate.</param>
    /// <param name="verbose">0: silent; 1: print the rate set at each epoch.</param>
    public LearningRateScheduler(Func<int, double, double> schedule, int verbose = 0)
    {
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Verbose = verbose;
    }

    /// <summary>The schedule: (epoch, current rate) to new rate.</summary>
    public Func<int, double, double> Schedule { get; }

    /// <summary>0: silent; 1: print updates.</summary>
    public int Verbose { get; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs)
    {
        var optimizer = OptimizerAccess.Require(this, RequireModel());
        var learningRate = Schedule(epoch, OptimizerAccess.ReadLearningRate(optimizer));
        optimizer.LearningRate = learningRate;
        if (Verbose > 0)
        {
            Print($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {PythonFloat.Repr(learningRate)}.");
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) =>
        logs["learning_rate"] = OptimizerAccess.ReadLearningRate(OptimizerAccess.Require(this, RequireModel()));
}
