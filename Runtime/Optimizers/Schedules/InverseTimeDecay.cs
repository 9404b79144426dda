using System;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>InverseTimeDecay</c>: <c>initial_learning_rate / (1 + decay_rate * step / decay_steps)</c>,
/// the quotient floored when <c>staircase</c>.
/// </summary>
/// <param name="initialLearningRate">The learning rate at step 0.</param>
/// <param name="decaySteps">How often to apply the decay (&gt; 0).</param>
/// <param name="decayRate">The decay rate.</param>
/// <param name="staircase">Whether to decay at discrete intervals.</param>
public sealed class InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) : LearningRateSchedule
{
    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; } = initialLearningRate;

    /// <summary>The decay period in steps.</summary>
    public long DecaySteps { get; } = CheckSteps(decaySteps, nameof(decaySteps));

    /// <summary>The decay rate.</summary>
    public double DecayRate { get; } = decayRate;

    /// <summary>Whether the quotient is floored.</summary>
    public bool Staircase { get; } = staircase;

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        var p = (double)step / DecaySteps;
        return InitialLearningRate / (1 + DecayRate * (Staircase ? Math.Floor(p) : p));
    }
}
