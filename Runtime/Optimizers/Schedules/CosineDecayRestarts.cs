using System;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>CosineDecayRestarts</c> (SGDR): a cosine decay from 1 to <c>alpha</c> over
/// <c>first_decay_steps</c>, then warm restarts, each <c>t_mul</c> times longer and starting at
/// <c>m_mul</c> times the previous initial rate.
/// </summary>
/// <param name="initialLearningRate">The learning rate at step 0.</param>
/// <param name="firstDecaySteps">The first period's length in steps (&gt; 0).</param>
/// <param name="tMul">How much longer each period is than the previous one (default 2).</param>
/// <param name="mMul">How the initial rate of each period scales (default 1).</param>
/// <param name="alpha">The minimum learning rate, as a fraction of <paramref name="initialLearningRate"/> (default 0).</param>
public sealed class CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul = 2.0, double mMul = 1.0, double alpha = 0.0)
    : LearningRateSchedule
{
    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; } = initialLearningRate;

    /// <summary>The first period's length in steps.</summary>
    public long FirstDecaySteps { get; } = CheckSteps(firstDecaySteps, nameof(firstDecaySteps));

    /// <summary>The period growth factor.</summary>
    public double TMul { get; } = tMul;

    /// <summary>The restart rate factor.</summary>
    public double MMul { get; } = mMul;

    /// <summary>The minimum, as a fraction of the initial rate.</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        var completedFraction = (double)step / FirstDecaySteps;
        double restart;
        if (TMul == 1.0)
        {
            restart = Math.Floor(completedFraction);
            completedFraction -= restart;
        }
        else
        {
            restart = Math.Floor(Math.Log(1.0 - completedFraction * (1.0 - TMul)) / Math.Log(TMul));
            var sumR = (1.0 - Math.Pow(TMul, restart)) / (1.0 - TMul);
            completedFraction = (completedFraction - sumR) / Math.Pow(TMul, restart);
        }

        var mFac = Math.Pow(MMul, restart);
        var cosineDecayed = 0.5 * mFac * (1.0 + Math.Cos(Math.PI * completedFraction));
        return InitialLearningRate * ((1 - Alpha) * cosineDecayed + Alpha);
    }
}
