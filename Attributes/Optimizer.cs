namespace StaticKeras;

/// <summary>The optimizers a <see cref="CompileAttribute"/> can name, with Keras 3's update rules and defaults.</summary>
public enum Optimizer
{
    /// <summary>Stochastic gradient descent (Keras <c>SGD</c>: learning rate 0.01, no momentum).</summary>
    Sgd,

    /// <summary>Adam (Keras: learning rate 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7).</summary>
    Adam,

    /// <summary>AdamW (Keras: as Adam, weight decay 0.004).</summary>
    AdamW,

    /// <summary>RMSprop (Keras: learning rate 1e-3, rho 0.9, epsilon 1e-7 inside the square root).</summary>
    RmsProp,
}
