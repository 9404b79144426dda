using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Adamax (Adam with the infinity norm), with Keras 3's rule:
/// <code>
/// t  = iterations + 1
/// m += (g - m) * (1 - beta1)
/// u  = max(beta2 * u, |g|)
/// w -= lr * m / ((1 - beta1^t) * (u + epsilon))
/// </code>
/// </summary>
public sealed class Adamax : KerasOptimizer
{
    /// <summary>Creates Adamax with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="beta1">The decay of the first moment, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">The decay of the weighted infinity norm, in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">Added to the norm for numerical stability (default 1e-7).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adamax(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
        : base(learningRate)
    {
        Beta1 = CheckRate(beta1, nameof(beta1));
        Beta2 = CheckRate(beta2, nameof(beta2));
        Epsilon = CheckNonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>Keras' <c>beta_1</c>.</summary>
    public double Beta1 { get; }

    /// <summary>Keras' <c>beta_2</c>.</summary>
    public double Beta2 { get; }

    /// <summary>Keras' <c>epsilon</c>.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["m", "u"];

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        var t = Iterations + 1;
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var beta2 = Beta2.ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var correction = (1 - Math.Pow(Beta1, t)).ToScalar();
        using var learningRate = LearningRate.ToScalar();
        var m = slots[0];
        var u = slots[1];
        m.lerp_(gradient, Constant(1 - Beta1, m));
        u.copy_(u.mul(beta2).maximum(gradient.abs()));
        using var denominator = u.add(epsilon).mul_(correction);
        variable.sub_(m.mul(learningRate).div_(denominator));
    }
}
