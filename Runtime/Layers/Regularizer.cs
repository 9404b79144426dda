using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' weight and activity regularizers <c>L1</c>, <c>L2</c> and <c>L1L2</c>: a penalty
/// <c>l1 · sum(|x|) + l2 · sum(x²)</c> added to the loss. Pass one to a layer's
/// <c>kernelRegularizer</c>, <c>biasRegularizer</c> or <c>activityRegularizer</c>:
/// <c>new Dense(64, Activation.Relu, kernelRegularizer: Regularizer.L2(1e-4))</c>.
/// </summary>
public sealed class Regularizer
{
    private Regularizer(double l1, double l2)
    {
        (L1Factor, L2Factor) = (Checked(l1, "l1"), Checked(l2, "l2"));
    }

    /// <summary>The L1 factor (Keras' <c>l1</c>).</summary>
    public double L1Factor { get; }

    /// <summary>The L2 factor (Keras' <c>l2</c>).</summary>
    public double L2Factor { get; }

    /// <summary>Keras' <c>L1(l1=0.01)</c>: <c>l1 · sum(|x|)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative, infinite or NaN factor (Keras: "expected a non-negative float").</exception>
    public static Regularizer L1(double l1 = 0.01) => new(l1, 0);

    /// <summary>Keras' <c>L2(l2=0.01)</c>: <c>l2 · sum(x²)</c> (no ½, as Keras).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative, infinite or NaN factor.</exception>
    public static Regularizer L2(double l2 = 0.01) => new(0, l2);

    /// <summary>Keras' <c>L1L2(l1=0.0, l2=0.0)</c>: both penalties.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative, infinite or NaN factor.</exception>
    public static Regularizer L1L2(double l1 = 0.0, double l2 = 0.0) => new(l1, l2);

    /// <summary>The penalty on <paramref name="x"/>, a scalar of its dtype.</summary>
    public Tensor Penalty(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var penalty = zeros([], x.dtype, x.device);
        if (L1Factor != 0)
        {
            penalty = penalty + x.abs().sum() * L1Factor;
        }

        if (L2Factor != 0)
        {
            penalty = penalty + x.square().sum() * L2Factor;
        }

        return penalty;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        L1Factor == 0 ? $"L2({L2Factor})" : L2Factor == 0 ? $"L1({L1Factor})" : $"L1L2({L1Factor}, {L2Factor})";

    private static double Checked(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Regularizer: {name} must be a non-negative finite number, found {value}.");
}
