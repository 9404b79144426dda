using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Nadam (Adam with Nesterov momentum), with Keras 3's rule and momentum schedule:
/// <code>
/// t = iterations + 1
/// u_t = beta1 (1 - 0.5 * 0.96^t);  u_t1 = beta1 (1 - 0.5 * 0.96^(t+1))
/// u_product *= u_t                      (once per update, kept as optimizer state)
/// m += (g - m)(1 - beta1);  v += (g^2 - v)(1 - beta2)
/// m_hat = u_t1 m / (1 - u_product u_t1) + (1 - u_t) g / (1 - u_product)
/// w -= lr m_hat / (sqrt(v / (1 - beta2^t)) + epsilon)
/// </code>
/// </summary>
public sealed class Nadam : KerasOptimizer
{
    private double _uProduct = 1.0;

    /// <summary>Creates Nadam with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="beta1">The decay of the first moment, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">The decay of the second moment, in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">Added to the denominator (default 1e-7).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Nadam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
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
    protected override IReadOnlyList<string> SlotNames => ["momentum", "velocity"];

    /// <inheritdoc/>
    internal override IReadOnlyDictionary<string, double> ScalarState => new Dictionary<string, double> { ["u_product"] = _uProduct };

    /// <inheritdoc/>
    internal override void SetScalarState(IReadOnlyDictionary<string, double> state) => _uProduct = state["u_product"];

    /// <inheritdoc/>
    protected override void BeforeUpdate() => _uProduct *= Beta1 * (1.0 - 0.5 * Math.Pow(0.96, Iterations + 1));

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        double t = Iterations + 1;
        var uT = Beta1 * (1.0 - 0.5 * Math.Pow(0.96, t));
        var uT1 = Beta1 * (1.0 - 0.5 * Math.Pow(0.96, t + 1));
        var uProductT1 = _uProduct * uT1;
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var momentumScale = (uT1 / (1 - uProductT1)).ToScalar();
        using var gradientScale = ((1 - uT) / (1 - _uProduct)).ToScalar();
        using var correction = (1 - Math.Pow(Beta2, t)).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var step = (-LearningRate).ToScalar();
        var m = slots[0];
        var v = slots[1];
        m.lerp_(gradient, Constant(1 - Beta1, m));
        v.mul_(beta2).addcmul_(gradient, gradient, oneMinusBeta2);
        using var mHat = m.mul(momentumScale).add_(gradient, alpha: gradientScale);
        using var denominator = v.div(correction).sqrt_().add_(epsilon);
        variable.addcdiv_(mHat, denominator, step);
    }
}
