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

    /// <summary>Gaussian error linear unit, Keras' default exact form <c>0.5 x (1 + erf(x / sqrt(2)))</c> (<c>approximate=False</c>).</summary>
    Gelu,

    /// <summary>Exponential linear unit with <c>alpha = 1</c>: <c>x</c> for <c>x &gt; 0</c>, else <c>exp(x) - 1</c>.</summary>
    Elu,

    /// <summary>Scaled ELU: <c>scale * elu(x, alpha)</c> with <c>alpha = 1.67326324</c>, <c>scale = 1.05070098</c>.</summary>
    Selu,

    /// <summary>Sigmoid linear unit, also called swish: <c>x * sigmoid(x)</c>.</summary>
    Silu,

    /// <summary>Leaky ReLU with Keras 3's <c>negative_slope = 0.2</c>: <c>x</c> for <c>x &gt;= 0</c>, else <c>0.2 x</c>.</summary>
    LeakyRelu,

    /// <summary><c>log(1 + exp(x))</c>.</summary>
    Softplus,
}
