namespace StaticKeras.Layers;

/// <summary>The <c>padding</c> argument of convolution and pooling layers, as Keras' strings.</summary>
public enum Padding
{
    /// <summary>No padding: the window stays inside the input; output <c>floor((n - d(k - 1) - 1) / s) + 1</c>.</summary>
    Valid,

    /// <summary>
    /// TensorFlow's "same": output <c>ceil(n / s)</c>; the total padding
    /// <c>max((ceil(n / s) - 1) s + (k - 1) d + 1 - n, 0)</c> is split evenly, any odd cell at the end.
    /// </summary>
    Same,

    /// <summary>Conv1D only: <c>(k - 1) d</c> zeros before the sequence, so output t sees inputs up to t.</summary>
    Causal,
}
