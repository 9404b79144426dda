namespace StaticKeras;

/// <summary>The metrics a <see cref="CompileAttribute"/> can name.</summary>
public enum Metric
{
    /// <summary>
    /// Keras' <c>"accuracy"</c>: resolved from the loss and output shape as Keras does
    /// (sparse categorical, categorical or binary accuracy).
    /// </summary>
    Accuracy,
}
