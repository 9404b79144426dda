using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// RMSprop with Keras 3's rule (epsilon inside the square root; PyTorch adds it outside):
/// <code>
/// v = rho * v + (1 - rho) * g^2
/// centered:  a = rho * a + (1 - rho) * g;   denominator = v - a^2 + epsilon
/// otherwise: denominator = v + epsilon
/// increment = lr * g / sqrt(denominator)
/// momentum > 0: m = momentum * m + increment;  w -= m
/// otherwise:    w -= increment
/// </code>
/// </summary>
public sealed class RmsProp : KerasOptimizer
{
    /// <summary>Creates RMSprop with Keras' defaults; <see cref="KerasOptimizer.Build"/> binds it to parameters.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="rho">The decay of the squared-gradient average, in [0, 1).</param>
    /// <param name="momentum">The momentum, in [0, 1) (default 0).</param>
    /// <param name="epsilon">Added inside the square root (Keras default 1e-7).</param>
    /// <param name="centered">Whether to normalize by the gradient's estimated variance.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public RmsProp(double learningRate = 1e-3, double rho = 0.9, double momentum = 0, double epsilon = 1e-7, bool centered = false)
        : base(learningRate)
    {
        Rho = CheckRate(rho, nameof(rho));
        Momentum = CheckRate(momentum, nameof(momentum));
        Epsilon = CheckNonNegative(epsilon, nameof(epsilon));
        Centered = centered;
    }

    /// <summary>The decay of the squared-gradient average.</summary>
    public double Rho { get; }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>The constant added inside the square root.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the update is centered.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames =>
        [.. new[] { "velocity" }, .. Momentum > 0 ? ["momentum"] : Array.Empty<string>(), .. Centered ? ["average_gradient"] : Array.Empty<string>()];

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        // Scalars held in `using`, not implicit double -> Scalar temporaries: TorchSharp passes a
        // Scalar's native handle without keeping the Scalar alive, so a collection during the call
        // (started by any thread, such as a dataset's workers) could finalize a temporary mid-call.
        using var rho = Rho.ToScalar();
        using var oneMinusRho = (1 - Rho).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        var v = slots[0];
        v.mul_(rho).addcmul_(gradient, gradient, oneMinusRho);

        Tensor denominator;
        if (Centered)
        {
            var a = slots[^1];
            a.mul_(rho).add_(gradient, alpha: oneMinusRho);
            denominator = v.addcmul(a, a, minusOne).add_(epsilon);
        }
        else
        {
            denominator = v.add(epsilon);
        }

        using (denominator)
        {
            denominator.sqrt_();
            if (Momentum > 0)
            {
                using var momentum = Momentum.ToScalar();
                using var learningRate = LearningRate.ToScalar();
                var m = slots[1];
                m.mul_(momentum).addcdiv_(gradient, denominator, learningRate);
                variable.sub_(m);
            }
            else
            {
                using var step = (-LearningRate).ToScalar();
                variable.addcdiv_(gradient, denominator, step);
            }
        }
    }
}
