using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Lion (evolved sign momentum), with Keras 3's rule:
/// <code>
/// w -= lr * sign(beta1 * m + (1 - beta1) * g)
/// m  = beta2 * m + (1 - beta2) * g
/// </code>
/// </summary>
public sealed class Lion : KerasOptimizer
{
    /// <summary>Creates Lion with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="beta1">The interpolation of momentum and gradient for the update, in [0, 1] (default 0.9).</param>
    /// <param name="beta2">The momentum's decay, in [0, 1] (default 0.99).</param>
    /// <exception cref="ArgumentOutOfRangeException">A beta is outside [0, 1], or both are 0.</exception>
    public Lion(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.99)
        : base(learningRate)
    {
        Beta1 = beta1 is >= 0 and <= 1 ? beta1 : throw new ArgumentOutOfRangeException(nameof(beta1), beta1, $"beta1 must be in [0, 1]; got {beta1}.");
        Beta2 = beta2 is >= 0 and <= 1 ? beta2 : throw new ArgumentOutOfRangeException(nameof(beta2), beta2, $"beta2 must be in [0, 1]; got {beta2}.");
        if (beta1 == 0 && beta2 == 0)
        {
            // Keras: "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer degenerates to SignSGD."
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 and beta2 cannot both be 0: the optimizer degenerates to SignSGD.");
        }
    }

    /// <summary>Keras' <c>beta_1</c>.</summary>
    public double Beta1 { get; }

    /// <summary>Keras' <c>beta_2</c>.</summary>
    public double Beta2 { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["momentum"];

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1.0 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1.0 - Beta2).ToScalar();
        using var learningRate = LearningRate.ToScalar();
        var m = slots[0];
        using var direction = m.mul(beta1).add_(gradient, alpha: oneMinusBeta1).sign_();
        variable.sub_(direction.mul_(learningRate));
        m.mul_(beta2).add_(gradient, alpha: oneMinusBeta2);
    }
}
