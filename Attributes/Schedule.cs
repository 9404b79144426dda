namespace StaticKeras;

/// <summary>
/// The learning-rate schedules a <see cref="CompileAttribute"/> can name (Keras 3's
/// <c>keras.optimizers.schedules</c>), evaluated at every training step. The schedule starts from
/// <see cref="CompileAttribute.LearningRate"/> (Keras' <c>initial_learning_rate</c>; 0 for the
/// optimizer's default) and takes its other arguments from the attribute's properties of the same names.
/// </summary>
public enum Schedule
{
    /// <summary>A constant learning rate (the default).</summary>
    None,

    /// <summary>
    /// <c>lr * DecayRate ^ (step / DecaySteps)</c>, the exponent floored when <c>Staircase</c>
    /// (Keras <c>ExponentialDecay</c>: needs <c>DecaySteps</c> and <c>DecayRate</c>).
    /// </summary>
    ExponentialDecay,

    /// <summary>
    /// <c>lr / (1 + DecayRate * step / DecaySteps)</c>, the quotient floored when <c>Staircase</c>
    /// (Keras <c>InverseTimeDecay</c>: needs <c>DecaySteps</c> and <c>DecayRate</c>).
    /// </summary>
    InverseTimeDecay,

    /// <summary>
    /// <c>Values[i]</c> between <c>Boundaries[i - 1]</c> and <c>Boundaries[i]</c> (Keras
    /// <c>PiecewiseConstantDecay</c>: needs <c>Boundaries</c> and one more <c>Values</c>; no <c>LearningRate</c>).
    /// </summary>
    PiecewiseConstantDecay,

    /// <summary>
    /// <c>(lr - EndLearningRate) * (1 - step / DecaySteps) ^ Power + EndLearningRate</c> (Keras
    /// <c>PolynomialDecay</c>: needs <c>DecaySteps</c>; <c>EndLearningRate</c> 1e-4, <c>Power</c> 1, <c>Cycle</c> false).
    /// </summary>
    PolynomialDecay,

    /// <summary>
    /// A cosine decay from <c>lr</c> to <c>Alpha * lr</c> over <c>DecaySteps</c>, after an optional
    /// linear warmup to <c>WarmupTarget</c> over <c>WarmupSteps</c> (Keras <c>CosineDecay</c>: needs <c>DecaySteps</c>).
    /// </summary>
    CosineDecay,

    /// <summary>
    /// Cosine decay with warm restarts, the first period <c>FirstDecaySteps</c> long, each next one
    /// <c>TMul</c> times longer and starting at <c>MMul</c> times the rate (Keras <c>CosineDecayRestarts</c>:
    /// needs <c>FirstDecaySteps</c>; <c>TMul</c> 2, <c>MMul</c> 1, <c>Alpha</c> 0).
    /// </summary>
    CosineDecayRestarts,
}
