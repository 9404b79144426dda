using System;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>PolynomialDecay</c>: <c>(initial - end) * (1 - step / decay_steps) ^ power + end</c>,
/// with the step capped at <c>decay_steps</c>, or, when <c>cycle</c>, <c>decay_steps</c> stretched to
/// the first multiple past the step.
/// </summary>
/// <param name="initialLearningRate">The learning rate at step 0.</param>
/// <param name="decaySteps">The steps to decay over (&gt; 0).</param>
/// <param name="endLearningRate">The final learning rate (Keras default 1e-4).</param>
/// <param name="power">The polynomial's power (default 1).</param>
/// <param name="cycle">Whether to cycle beyond <paramref name="decaySteps"/>.</param>
public sealed class PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate = 0.0001, double power = 1.0, bool cycle = false)
    : LearningRateSchedule
{
    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; } = initialLearningRate;

    /// <summary>The steps to decay over.</summary>
    public long DecaySteps { get; } = CheckSteps(decaySteps, nameof(decaySteps));

    /// <summary>The final learning rate.</summary>
    public double EndLearningRate { get; } = endLearningRate;

    /// <summary>The polynomial's power.</summary>
    public double Power { get; } = power;

    /// <summary>Whether the decay restarts past <see cref="DecaySteps"/>.</summary>
    public bool Cycle { get; } = cycle;

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        double globalStep = step;
        double decaySteps = DecaySteps;
        if (Cycle)
        {
            decaySteps *= step == 0 ? 1 : Math.Ceiling(globalStep / DecaySteps);
        }
        else
        {
            globalStep = Math.Min(globalStep, decaySteps);
        }

        var p = globalStep / decaySteps;
        return (InitialLearningRate - EndLearningRate) * Math.Pow(1 - p, Power) + EndLearningRate;
    }
}
