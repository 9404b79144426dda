using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Adagrad, with Keras 3's rule (epsilon inside the square root):
/// <code>
/// a += g^2                      (a starts at initial_accumulator_value)
/// w -= lr * g / sqrt(a + epsilon)
/// </code>
/// </summary>
public sealed class Adagrad : KerasOptimizer
{
    /// <summary>Creates Adagrad with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="initialAccumulatorValue">The accumulators' starting value (default 0.1).</param>
    /// <param name="epsilon">Added inside the square root (default 1e-7).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adagrad(double learningRate = 1e-3, double initialAccumulatorValue = 0.1, double epsilon = 1e-7)
        : base(learningRate)
    {
        InitialAccumulatorValue = CheckNonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        Epsilon = CheckNonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>Keras' <c>initial_accumulator_value</c>.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Keras' <c>epsilon</c>.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["accumulator"];

    /// <inheritdoc/>
    protected override double InitialSlotValue(int slot) => InitialAccumulatorValue;

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var one = 1.0.ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var learningRate = LearningRate.ToScalar();
        var accumulator = slots[0];
        accumulator.addcmul_(gradient, gradient, one);
        using var denominator = accumulator.add(epsilon).sqrt_();
        variable.sub_(gradient.mul(learningRate).div_(denominator));
    }
}
