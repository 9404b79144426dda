namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// A learning rate that changes with the optimizer's step (Keras' <c>keras.optimizers.schedules.LearningRateSchedule</c>).
/// Set it as an optimizer's <see cref="KerasOptimizer.Schedule"/>; it is evaluated before every update,
/// at the number of steps taken so far (0 for the first), and its value is logged as <c>learning_rate</c>.
/// </summary>
/// <remarks>Keras evaluates schedules in float32; these compute in double precision.</remarks>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate at <paramref name="step"/> (Keras' <c>schedule(step)</c>).</summary>
    /// <param name="step">The optimizer's step count, from 0.</param>
    public abstract double Evaluate(long step);

    /// <summary>Checks a step count is positive (Keras: "Argument `decay_steps` must be > 0").</summary>
    private protected static long CheckSteps(long value, string name) =>
        value > 0 ? value : throw new System.ArgumentOutOfRangeException(name, value, $"{name} must be > 0; got {value}.");
}
