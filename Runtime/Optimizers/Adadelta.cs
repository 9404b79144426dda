using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Adadelta, with Keras 3's rule:
/// <code>
/// a  = rho * a + (1 - rho) * g^2
/// dw = -sqrt(d + epsilon) * g / sqrt(a + epsilon)
/// d  = rho * d + (1 - rho) * dw^2
/// w += lr * dw
/// </code>
/// </summary>
public sealed class Adadelta : KerasOptimizer
{
    /// <summary>Creates Adadelta with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="rho">The decay rate, in [0, 1) (default 0.95).</param>
    /// <param name="epsilon">Added inside the square roots (default 1e-7).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adadelta(double learningRate = 1e-3, double rho = 0.95, double epsilon = 1e-7)
        : base(learningRate)
    {
        Rho = CheckRate(rho, nameof(rho));
        Epsilon = CheckNonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>Keras' <c>rho</c>.</summary>
    public double Rho { get; }

    /// <summary>Keras' <c>epsilon</c>.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["accumulated_grad", "accumulated_delta_var"];

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var rho = Rho.ToScalar();
        using var oneMinusRho = (1 - Rho).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var learningRate = LearningRate.ToScalar();
        var accumulatedGrad = slots[0];
        var accumulatedDelta = slots[1];
        accumulatedGrad.mul_(rho).add_(gradient.square(), alpha: oneMinusRho);
        using var delta = accumulatedDelta.add(epsilon).sqrt_().mul_(gradient).div_(accumulatedGrad.add(epsilon).sqrt_()).neg_();
        accumulatedDelta.mul_(rho).add_(delta.square(), alpha: oneMinusRho);
        variable.add_(delta, alpha: learningRate);
    }
}
