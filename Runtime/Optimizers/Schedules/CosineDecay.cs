using System;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>CosineDecay</c>, with optional linear warmup: without a warmup target,
/// <c>initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)</c>;
/// with one, the rate rises linearly from <c>initial</c> to <c>warmup_target</c> over
/// <c>warmup_steps</c>, then decays from <c>warmup_target</c> the same way.
/// </summary>
/// <param name="initialLearningRate">The learning rate at step 0.</param>
/// <param name="decaySteps">The steps to decay over (&gt; 0).</param>
/// <param name="alpha">The minimum learning rate, as a fraction of the rate decayed from (default 0).</param>
/// <param name="warmupTarget">The rate reached after the warmup; <see langword="null"/> for no warmup.</param>
/// <param name="warmupSteps">The warmup's length in steps (default 0).</param>
public sealed class CosineDecay(double initialLearningRate, long decaySteps, double alpha = 0.0, double? warmupTarget = null, long warmupSteps = 0)
    : LearningRateSchedule
{
    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; } = initialLearningRate;

    /// <summary>The steps to decay over.</summary>
    public long DecaySteps { get; } = CheckSteps(decaySteps, nameof(decaySteps));

    /// <summary>The minimum, as a fraction of the rate decayed from.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>The rate after warmup, or <see langword="null"/>.</summary>
    public double? WarmupTarget { get; } = warmupTarget;

    /// <summary>The warmup's length in steps.</summary>
    public long WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, $"warmupSteps must be >= 0; got {warmupSteps}.");

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        if (WarmupTarget is not { } target)
        {
            return Decay(Math.Min(step, DecaySteps), InitialLearningRate);
        }

        double globalStep = Math.Min(step, DecaySteps + WarmupSteps);
        return globalStep < WarmupSteps
            ? (target - InitialLearningRate) * (globalStep / WarmupSteps) + InitialLearningRate
            : Decay(globalStep - WarmupSteps, target);
    }

    private double Decay(double step, double from)
    {
        var cosineDecayed = 0.5 * (1.0 + Math.Cos(Math.PI * (step / DecaySteps)));
        return from * ((1 - Alpha) * cosineDecayed + Alpha);
    }
}
