using System;
using StaticKeras.Optimizers;
using StaticKeras.Optimizers.Schedules;

namespace StaticKeras;

/// <summary>
/// The optimizer options a <c>[Compile]</c> attribute wrote (Keras' optimizer arguments beyond the
/// learning rate): the generator checks them at build time and emits only those written, so an
/// unset (<see langword="null"/>) option keeps the optimizer's Keras default.
/// <see cref="OptimizerFactory.Create(Optimizer, double, OptimizerOptions?)"/> applies them.
/// </summary>
public sealed record OptimizerOptions
{
    /// <summary>The learning-rate schedule; <see langword="null"/> or <see cref="StaticKeras.Schedule.None"/> for a constant rate.</summary>
    public Schedule? Schedule { get; init; }

    /// <summary>Keras' <c>decay_steps</c>.</summary>
    public long? DecaySteps { get; init; }

    /// <summary>Keras' <c>first_decay_steps</c> (<see cref="CosineDecayRestarts"/>).</summary>
    public long? FirstDecaySteps { get; init; }

    /// <summary>Keras' <c>decay_rate</c>.</summary>
    public double? DecayRate { get; init; }

    /// <summary>Keras' <c>staircase</c>.</summary>
    public bool? Staircase { get; init; }

    /// <summary>Keras' <c>boundaries</c> (<see cref="PiecewiseConstantDecay"/>).</summary>
    public long[]? Boundaries { get; init; }

    /// <summary>Keras' <c>values</c> (<see cref="PiecewiseConstantDecay"/>).</summary>
    public double[]? Values { get; init; }

    /// <summary>Keras' <c>end_learning_rate</c> (<see cref="PolynomialDecay"/>).</summary>
    public double? EndLearningRate { get; init; }

    /// <summary>Keras' <c>power</c> (<see cref="PolynomialDecay"/>).</summary>
    public double? Power { get; init; }

    /// <summary>Keras' <c>cycle</c> (<see cref="PolynomialDecay"/>).</summary>
    public bool? Cycle { get; init; }

    /// <summary>Keras' <c>alpha</c> (the cosine schedules).</summary>
    public double? Alpha { get; init; }

    /// <summary>Keras' <c>warmup_target</c> (<see cref="CosineDecay"/>).</summary>
    public double? WarmupTarget { get; init; }

    /// <summary>Keras' <c>warmup_steps</c> (<see cref="CosineDecay"/>).</summary>
    public long? WarmupSteps { get; init; }

    /// <summary>Keras' <c>t_mul</c> (<see cref="CosineDecayRestarts"/>).</summary>
    public double? TMul { get; init; }

    /// <summary>Keras' <c>m_mul</c> (<see cref="CosineDecayRestarts"/>).</summary>
    public double? MMul { get; init; }

    /// <summary>Keras' <c>clipnorm</c> (<see cref="KerasOptimizer.ClipNorm"/>).</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Keras' <c>clipvalue</c> (<see cref="KerasOptimizer.ClipValue"/>).</summary>
    public double? ClipValue { get; init; }

    /// <summary>Keras' <c>global_clipnorm</c> (<see cref="KerasOptimizer.GlobalClipNorm"/>).</summary>
    public double? GlobalClipNorm { get; init; }

    /// <summary>Keras' <c>weight_decay</c> (<see cref="KerasOptimizer.WeightDecay"/>).</summary>
    public double? WeightDecay { get; init; }

    /// <summary>Keras' <c>exclude_from_weight_decay(var_names=...)</c> (<see cref="KerasOptimizer.ExcludeFromWeightDecay"/>).</summary>
    public string[]? ExcludeFromWeightDecay { get; init; }

    /// <summary>Keras' <c>amsgrad</c> (<see cref="Adam.Amsgrad"/>; Adam and AdamW only).</summary>
    public bool? Amsgrad { get; init; }

    /// <summary>Keras' <c>use_ema</c> (<see cref="KerasOptimizer.UseEma"/>).</summary>
    public bool? UseEma { get; init; }

    /// <summary>Keras' <c>ema_momentum</c> (<see cref="KerasOptimizer.EmaMomentum"/>).</summary>
    public double? EmaMomentum { get; init; }

    /// <summary>Keras' <c>ema_overwrite_frequency</c> (<see cref="KerasOptimizer.EmaOverwriteFrequency"/>).</summary>
    public int? EmaOverwriteFrequency { get; init; }

    /// <summary>Keras' <c>gradient_accumulation_steps</c> (<see cref="KerasOptimizer.GradientAccumulationSteps"/>).</summary>
    public int? GradientAccumulationSteps { get; init; }

    /// <summary>
    /// The schedule these options describe, starting from <paramref name="initialLearningRate"/>;
    /// <see langword="null"/> for a constant rate.
    /// </summary>
    /// <exception cref="ArgumentException">A required argument is missing (the generator reports STK2008 first).</exception>
    public LearningRateSchedule? CreateSchedule(double initialLearningRate) => Schedule switch
    {
        null or StaticKeras.Schedule.None => null,
        StaticKeras.Schedule.ExponentialDecay => new ExponentialDecay(
            initialLearningRate, Required(DecaySteps, nameof(DecaySteps)), Required(DecayRate, nameof(DecayRate)), Staircase ?? false),
        StaticKeras.Schedule.InverseTimeDecay => new InverseTimeDecay(
            initialLearningRate, Required(DecaySteps, nameof(DecaySteps)), Required(DecayRate, nameof(DecayRate)), Staircase ?? false),
        StaticKeras.Schedule.PiecewiseConstantDecay => new PiecewiseConstantDecay(
            RequiredArray(Boundaries, nameof(Boundaries)), RequiredArray(Values, nameof(Values))),
        StaticKeras.Schedule.PolynomialDecay => new PolynomialDecay(
            initialLearningRate, Required(DecaySteps, nameof(DecaySteps)), EndLearningRate ?? 1e-4, Power ?? 1.0, Cycle ?? false),
        StaticKeras.Schedule.CosineDecay => new CosineDecay(
            initialLearningRate, Required(DecaySteps, nameof(DecaySteps)), Alpha ?? 0.0, WarmupTarget, WarmupSteps ?? 0),
        StaticKeras.Schedule.CosineDecayRestarts => new CosineDecayRestarts(
            initialLearningRate, Required(FirstDecaySteps, nameof(FirstDecaySteps)), TMul ?? 2.0, MMul ?? 1.0, Alpha ?? 0.0),
        _ => throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, $"unknown schedule {Schedule}"),
    };

    private T Required<T>(T? value, string name)
        where T : struct =>
        value ?? throw new ArgumentException($"{Schedule} needs {name}, found none.", name);

    private T[] RequiredArray<T>(T[]? value, string name) =>
        value ?? throw new ArgumentException($"{Schedule} needs {name}, found none.", name);
}
