using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional (Nesterov) momentum, with Keras 3's <c>SGD</c> rule:
/// <code>
/// without momentum:  w -= lr * g
/// with momentum:     v = momentum * v - lr * g
///                    w += v                              (nesterov: w += momentum * v - lr * g)
/// </code>
/// The velocity holds the learning rate (PyTorch's does not), so the two differ once it changes.
/// </summary>
public sealed class Sgd : KerasOptimizer
{
    /// <summary>Creates SGD with Keras' defaults; <see cref="KerasOptimizer.Build"/> binds it to parameters.</summary>
    /// <param name="learningRate">The learning rate (Keras default 0.01).</param>
    /// <param name="momentum">The momentum in [0, 1] (default 0: plain gradient descent).</param>
    /// <param name="nesterov">Whether to use Nesterov momentum.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false)
        : base(learningRate)
    {
        Momentum = momentum is >= 0 and <= 1
            ? momentum
            : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum must be in [0, 1]; got {momentum}.");
        Nesterov = nesterov;
    }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Whether the update uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => Momentum != 0 ? ["momentum"] : [];

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        // Scalars held in `using`, not implicit double -> Scalar temporaries: TorchSharp passes a
        // Scalar's native handle without keeping the Scalar alive, so a collection during the call
        // (started by any thread, such as a dataset's workers) could finalize a temporary mid-call.
        using var step = (-LearningRate).ToScalar();
        if (Momentum == 0)
        {
            variable.add_(gradient, alpha: step);
            return;
        }

        using var momentum = Momentum.ToScalar();
        var v = slots[0];
        v.mul_(momentum).add_(gradient, alpha: step);
        if (Nesterov)
        {
            variable.add_(v, alpha: momentum).add_(gradient, alpha: step);
        }
        else
        {
            variable.add_(v);
        }
    }
}
