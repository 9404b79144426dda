using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
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
    private readonly List<Tensor> _velocities = [];
    private readonly List<Tensor> _momentums = [];
    private readonly List<Tensor> _averageGradients = [];

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
    protected override void BuildState(Parameter variable, int index)
    {
        _velocities.Add(NewState(variable));
        if (Momentum > 0)
        {
            _momentums.Add(NewState(variable));
        }

        if (Centered)
        {
            _averageGradients.Add(NewState(variable));
        }
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Parameter variable, int index)
    {
        // Scalars held for the calls, not implicit temporaries (see Adam.UpdateStep).
        using var rho = Rho.ToScalar();
        using var oneMinusRho = (1 - Rho).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var learningRate = LearningRate.ToScalar();
        using var negativeLearningRate = (-LearningRate).ToScalar();
        using var minusOne = (-1.0).ToScalar();
        var v = _velocities[index];
        v.mul_(rho).addcmul_(gradient, gradient, oneMinusRho);

        Tensor denominator;
        if (Centered)
        {
            var a = _averageGradients[index];
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
                var m = _momentums[index];
                using var momentum = Momentum.ToScalar();
                m.mul_(momentum).addcdiv_(gradient, denominator, learningRate);
                variable.sub_(m);
            }
            else
            {
                variable.addcdiv_(gradient, denominator, negativeLearningRate);
            }
        }
    }
}
