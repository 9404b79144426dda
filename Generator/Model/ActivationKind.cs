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
}
