namespace StaticKeras.Callbacks;

/// <summary>Whether a monitored quantity should fall or rise (Keras' <c>mode</c> argument).</summary>
public enum MonitorMode
{
    /// <summary>
    /// Inferred from the quantity's name (Keras' <c>"auto"</c>): <c>loss</c> and <c>val_loss</c>
    /// fall; a compiled metric (<c>accuracy</c>, <c>val_accuracy</c>, ...) goes the way Keras'
    /// metric of that name goes. ReduceLROnPlateau keeps Keras' older rule: rise when the name
    /// contains <c>acc</c>, fall otherwise.
    /// </summary>
    Auto,

    /// <summary>Lower is better (Keras' <c>"min"</c>).</summary>
    Min,

    /// <summary>Higher is better (Keras' <c>"max"</c>).</summary>
    Max,
}
