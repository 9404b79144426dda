namespace StaticKeras.Generator.Model;

/// <summary>The generator's copy of <c>StaticKeras.Activation</c>; members are matched by name.</summary>
internal enum ActivationKind
{
    /// <summary>Identity.</summary>
    Linear,

    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>Logistic sigmoid.</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Softmax over the last axis.</summary>
    Softmax,

    /// <summary>Gaussian error linear unit.</summary>
    Gelu,

    /// <summary>Exponential linear unit.</summary>
    Elu,

    /// <summary>Scaled exponential linear unit.</summary>
    Selu,

    /// <summary>x · sigmoid(x).</summary>
    Silu,

    /// <summary>Leaky ReLU (Keras' negative slope 0.2).</summary>
    LeakyRelu,

    /// <summary>log(1 + exp(x)).</summary>
    Softplus,
}
