namespace StaticKeras;

/// <summary>The losses a <see cref="CompileAttribute"/> can name, with Keras 3's numerics.</summary>
public enum Loss
{
    /// <summary>Cross-entropy against integer class labels of shape (batch,).</summary>
    SparseCategoricalCrossentropy,

    /// <summary>Cross-entropy against one-hot labels of the output's shape.</summary>
    CategoricalCrossentropy,

    /// <summary>Binary cross-entropy against 0/1 labels of the output's shape.</summary>
    BinaryCrossentropy,

    /// <summary>Mean of squared differences over the last axis.</summary>
    MeanSquaredError,
}
