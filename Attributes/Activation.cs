namespace StaticKeras;

/// <summary>
/// Activation functions, as Keras' <c>activation=</c> strings. Used by layers such as <c>Dense</c>
/// and by the <c>ActivationLayer</c> (Keras' <c>Activation</c> layer, renamed because C# cannot have
/// a type and an enum of one name in two imported namespaces).
/// </summary>
public enum Activation
{
    /// <summary>Identity (Keras <c>"linear"</c>, the default).</summary>
    Linear,

    /// <summary><c>max(x, 0)</c>.</summary>
    Relu,

    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Softmax over the last axis.</summary>
    Softmax,
}
