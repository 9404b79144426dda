using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// FTRL-proximal, with Keras 3's rule:
/// <code>
/// l2   = l2_regularization_strength + beta / (2 lr)
/// g'   = g + 2 * l2_shrinkage_regularization_strength * w
/// n'   = n + g^2
/// z   += g' - (n'^(-p) - n^(-p)) / lr * w            (p = learning_rate_power)
/// w    = (clip(z, -l1, l1) - z) / (n'^(-p) / lr + 2 l2)
/// n    = n'
/// </code>
/// </summary>
public sealed class Ftrl : KerasOptimizer
{
    /// <summary>Creates FTRL with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="learningRatePower">How the rate shrinks with the accumulator, &lt;= 0 (default -0.5).</param>
    /// <param name="initialAccumulatorValue">The accumulators' starting value, &gt;= 0 (default 0.1).</param>
    /// <param name="l1RegularizationStrength">L1 regularization, &gt;= 0 (default 0).</param>
    /// <param name="l2RegularizationStrength">L2 regularization, &gt;= 0 (default 0).</param>
    /// <param name="l2ShrinkageRegularizationStrength">L2 shrinkage regularization, &gt;= 0 (default 0).</param>
    /// <param name="beta">Keras' <c>beta</c>, &gt;= 0 (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Ftrl(double learningRate = 1e-3, double learningRatePower = -0.5, double initialAccumulatorValue = 0.1,
        double l1RegularizationStrength = 0.0, double l2RegularizationStrength = 0.0, double l2ShrinkageRegularizationStrength = 0.0, double beta = 0.0)
        : base(learningRate)
    {
        LearningRatePower = learningRatePower <= 0
            ? learningRatePower
            : throw new ArgumentOutOfRangeException(nameof(learningRatePower), learningRatePower, $"learningRatePower must be <= 0; got {learningRatePower}.");
        InitialAccumulatorValue = CheckNonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        L1RegularizationStrength = CheckNonNegative(l1RegularizationStrength, nameof(l1RegularizationStrength));
        L2RegularizationStrength = CheckNonNegative(l2RegularizationStrength, nameof(l2RegularizationStrength));
        L2ShrinkageRegularizationStrength = CheckNonNegative(l2ShrinkageRegularizationStrength, nameof(l2ShrinkageRegularizationStrength));
        Beta = CheckNonNegative(beta, nameof(beta));
    }

    /// <summary>Keras' <c>learning_rate_power</c>.</summary>
    public double LearningRatePower { get; }

    /// <summary>Keras' <c>initial_accumulator_value</c>.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Keras' <c>l1_regularization_strength</c>.</summary>
    public double L1RegularizationStrength { get; }

    /// <summary>Keras' <c>l2_regularization_strength</c>.</summary>
    public double L2RegularizationStrength { get; }

    /// <summary>Keras' <c>l2_shrinkage_regularization_strength</c>.</summary>
    public double L2ShrinkageRegularizationStrength { get; }

    /// <summary>Keras' <c>beta</c>.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["accumulator", "linear"];

    /// <inheritdoc/>
    protected override double InitialSlotValue(int slot) => slot == 0 ? InitialAccumulatorValue : 0;

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots)
    {
        var lr = LearningRate;
        var accumulator = slots[0];
        var linear = slots[1];
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        var l2 = L2RegularizationStrength + Beta / (2.0 * lr);
        using var shrinkage = (2 * L2ShrinkageRegularizationStrength).ToScalar();
        using var one = 1.0.ToScalar();
        using var power = (-LearningRatePower).ToScalar();
        using var learningRate = lr.ToScalar();
        using var twoL2 = (2 * l2).ToScalar();
        using var l1Low = (-L1RegularizationStrength).ToScalar();
        using var l1High = L1RegularizationStrength.ToScalar();
        using var gradToUse = gradient.add(variable, alpha: shrinkage);
        using var newAccumulator = accumulator.addcmul(gradient, gradient, one);
        using var newPower = newAccumulator.pow(power);
        using var oldPower = accumulator.pow(power);
        linear.add_(gradToUse.sub_(newPower.sub(oldPower).div_(learningRate).mul_(variable)));
        using var quadratic = newPower.div(learningRate).add_(twoL2);
        using var clipped = linear.clamp(l1Low, l1High);
        variable.copy_(clipped.sub_(linear).div_(quadratic));
        accumulator.copy_(newAccumulator);
    }
}
