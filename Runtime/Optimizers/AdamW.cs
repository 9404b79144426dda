using System;

namespace StaticKeras.Optimizers;

/// <summary>
/// AdamW: <see cref="Adam"/> with decoupled weight decay, as Keras 3 defines it (Adam with the
/// base optimizer's <see cref="KerasOptimizer.WeightDecay"/> set; applied to every weight with a
/// gradient, except <see cref="KerasOptimizer.ExcludeFromWeightDecay"/>, before the Adam update):
/// <code>
/// w -= w * weight_decay * lr
/// (then the Adam update)
/// </code>
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates AdamW with Keras' defaults; <see cref="KerasOptimizer.Build"/> binds it to parameters.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="weightDecay">The decoupled weight decay (Keras default 0.004; PyTorch's is 0.01).</param>
    /// <param name="beta1">The decay of the first-moment estimate, in [0, 1).</param>
    /// <param name="beta2">The decay of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">Added to √v for numerical stability (Keras default 1e-7).</param>
    /// <param name="amsgrad">Whether to use the AMSGrad variant (Keras default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public AdamW(double learningRate = 1e-3, double weightDecay = 0.004, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, bool amsgrad = false)
        : base(learningRate, beta1, beta2, epsilon, amsgrad)
    {
        WeightDecay = CheckNonNegative(weightDecay, nameof(weightDecay));
    }
}
