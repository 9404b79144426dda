namespace StaticKeras.Generator.Model;

/// <summary>The generator's copy of <c>StaticKeras.Optimizer</c>; members are matched by name.</summary>
internal enum OptimizerKind
{
    /// <summary>SGD.</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>AdamW.</summary>
    AdamW,

    /// <summary>RMSprop, Keras' default.</summary>
    RmsProp,
}

/// <summary>The generator's copy of <c>StaticKeras.Loss</c>; members are matched by name.</summary>
internal enum LossKind
{
    /// <summary>Cross-entropy against integer labels.</summary>
    SparseCategoricalCrossentropy,

    /// <summary>Cross-entropy against one-hot labels.</summary>
    CategoricalCrossentropy,

    /// <summary>Binary cross-entropy.</summary>
    BinaryCrossentropy,

    /// <summary>Mean squared error.</summary>
    MeanSquaredError,
}

/// <summary>The generator's copy of <c>StaticKeras.Metric</c>; members are matched by name.</summary>
internal enum MetricKind
{
    /// <summary>Keras' "accuracy".</summary>
    Accuracy,
}

/// <summary>The generator's copy of <c>StaticKeras.Schedule</c>; members are matched by name.</summary>
internal enum ScheduleKind
{
    /// <summary>A constant learning rate.</summary>
    None,

    /// <summary>Keras' ExponentialDecay.</summary>
    ExponentialDecay,

    /// <summary>Keras' InverseTimeDecay.</summary>
    InverseTimeDecay,

    /// <summary>Keras' PiecewiseConstantDecay.</summary>
    PiecewiseConstantDecay,

    /// <summary>Keras' PolynomialDecay.</summary>
    PolynomialDecay,

    /// <summary>Keras' CosineDecay.</summary>
    CosineDecay,

    /// <summary>Keras' CosineDecayRestarts.</summary>
    CosineDecayRestarts,
}
