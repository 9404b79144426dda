using System;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>ExponentialDecay</c>: <c>initial_learning_rate * decay_rate ^ (step / decay_steps)</c>,
/// the exponent floored when <c>staircase</c>.
/// </summary>
/// <param name="initialLearningRate">The learning rate at step 0.</param>
/// <param name="decaySteps">The steps over which the rate is multiplied by <paramref name="decayRate"/> (&gt; 0).</param>
/// <param name="decayRate">The decay factor.</param>
/// <param name="staircase">Whether to decay at discrete intervals.</param>
public sealed class ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) : LearningRateSchedule
{
    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; } = initialLearningRate;

    /// <summary>The decay period in steps.</summary>
    public long DecaySteps { get; } = CheckSteps(decaySteps, nameof(decaySteps));

    /// <summary>The decay factor per period.</summary>
    public double DecayRate { get; } = decayRate;

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; } = staircase;

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        var p = (double)step / DecaySteps;
        return InitialLearningRate * Math.Pow(DecayRate, Staircase ? Math.Floor(p) : p);
    }
}
