using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>
/// The optimizer options written on a <c>[Compile]</c> attribute (Keras' optimizer and schedule
/// arguments), each <see langword="null"/> when not written: only written ones are emitted into
/// <c>CompileInfo.Options</c>. The property names are the attribute's.
/// </summary>
internal sealed record OptimizerOptionsDeclaration
{
    /// <summary>The learning-rate schedule.</summary>
    public ScheduleKind? Schedule { get; init; }

    /// <summary>Keras' <c>decay_steps</c>.</summary>
    public long? DecaySteps { get; init; }

    /// <summary>Keras' <c>first_decay_steps</c>.</summary>
    public long? FirstDecaySteps { get; init; }

    /// <summary>Keras' <c>decay_rate</c>.</summary>
    public double? DecayRate { get; init; }

    /// <summary>Keras' <c>staircase</c>.</summary>
    public bool? Staircase { get; init; }

    /// <summary>Keras' <c>boundaries</c>.</summary>
    public EquatableArray<long>? Boundaries { get; init; }

    /// <summary>Keras' <c>values</c>.</summary>
    public EquatableArray<double>? Values { get; init; }

    /// <summary>Keras' <c>end_learning_rate</c>.</summary>
    public double? EndLearningRate { get; init; }

    /// <summary>Keras' <c>power</c>.</summary>
    public double? Power { get; init; }

    /// <summary>Keras' <c>cycle</c>.</summary>
    public bool? Cycle { get; init; }

    /// <summary>Keras' <c>alpha</c>.</summary>
    public double? Alpha { get; init; }

    /// <summary>Keras' <c>warmup_target</c>.</summary>
    public double? WarmupTarget { get; init; }

    /// <summary>Keras' <c>warmup_steps</c>.</summary>
    public long? WarmupSteps { get; init; }

    /// <summary>Keras' <c>t_mul</c>.</summary>
    public double? TMul { get; init; }

    /// <summary>Keras' <c>m_mul</c>.</summary>
    public double? MMul { get; init; }

    /// <summary>Keras' <c>clipnorm</c>.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Keras' <c>clipvalue</c>.</summary>
    public double? ClipValue { get; init; }

    /// <summary>Keras' <c>global_clipnorm</c>.</summary>
    public double? GlobalClipNorm { get; init; }

    /// <summary>Keras' <c>weight_decay</c>.</summary>
    public double? WeightDecay { get; init; }

    /// <summary>Keras' <c>exclude_from_weight_decay(var_names=...)</c>.</summary>
    public EquatableArray<string>? ExcludeFromWeightDecay { get; init; }

    /// <summary>Keras' <c>amsgrad</c>.</summary>
    public bool? Amsgrad { get; init; }

    /// <summary>Keras' <c>use_ema</c>.</summary>
    public bool? UseEma { get; init; }

    /// <summary>Keras' <c>ema_momentum</c>.</summary>
    public double? EmaMomentum { get; init; }

    /// <summary>Keras' <c>ema_overwrite_frequency</c>.</summary>
    public long? EmaOverwriteFrequency { get; init; }

    /// <summary>Keras' <c>gradient_accumulation_steps</c>.</summary>
    public long? GradientAccumulationSteps { get; init; }
}
