using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Adam with Keras 3's rule, which differs from PyTorch's in where epsilon goes (added to √v with
/// no bias correction) and its default (1e-7):
/// <code>
/// t     = iterations + 1
/// alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
/// m    += (g - m) * (1 - beta1)
/// v    += (g^2 - v) * (1 - beta2)
/// w    -= alpha * m / (sqrt(v) + epsilon)
/// </code>
/// </summary>
public class Adam : KerasOptimizer
{
    private readonly List<Tensor> _momentums = [];
    private readonly List<Tensor> _velocities = [];
    private readonly List<Tensor> _oneMinusBeta1 = [];

    /// <summary>Creates Adam with Keras' defaults; <see cref="KerasOptimizer.Build"/> binds it to parameters.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="beta1">The decay of the first-moment estimate, in [0, 1).</param>
    /// <param name="beta2">The decay of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">Added to √v for numerical stability (Keras default 1e-7).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
        : base(learningRate)
    {
        Beta1 = CheckRate(beta1, nameof(beta1));
        Beta2 = CheckRate(beta2, nameof(beta2));
        Epsilon = CheckNonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>The decay of the first-moment estimate (Keras' <c>beta_1</c>).</summary>
    public double Beta1 { get; }

    /// <summary>The decay of the second-moment estimate (Keras' <c>beta_2</c>).</summary>
    public double Beta2 { get; }

    /// <summary>The constant added to √v.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void BuildState(Parameter variable, int index)
    {
        _momentums.Add(NewState(variable));
        _velocities.Add(NewState(variable));
        // lerp_ takes its weight as a tensor; one scalar per parameter keeps its dtype.
        _oneMinusBeta1.Add(full([], 1 - Beta1, dtype: variable.dtype, device: variable.device).DetachFromDisposeScope());
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Parameter variable, int index)
    {
        var t = Iterations + 1;
        var alpha = LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
        var m = _momentums[index];
        var v = _velocities[index];

        // Scalars held in `using`, not implicit double -> Scalar temporaries: TorchSharp passes a
        // Scalar's native handle without keeping the Scalar alive, so a collection during the call
        // (started by any thread, such as a dataset's workers) could finalize a temporary and free
        // it mid-call; LibTorch then reads freed memory (seen as "Expected false to be true ...
        // toFloat" in addcdiv_ in epoch 4 of a streamed run).
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var step = (-alpha).ToScalar();
        m.lerp_(gradient, _oneMinusBeta1[index]);                 // m + (g - m)(1 - b1)
        v.mul_(beta2).addcmul_(gradient, gradient, oneMinusBeta2); // b2 v + (1 - b2) g^2
        using var denominator = v.sqrt().add_(epsilon);
        variable.addcdiv_(m, denominator, step);
    }
}
