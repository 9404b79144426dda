using System;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The backward of every <see cref="Activation"/>, as explicit formulas (no autograd): the gradient
/// of the loss with respect to an activation's input, given the gradient with respect to its output.
/// Most are written from the activation's output, which a forward pass keeps anyway; gelu and silu
/// are not functions of their output and need the input.
/// </summary>
public static class ActivationGradients
{
    // TorchSharp's (and Keras') selu constants.
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    // libtorch's softplus is the identity above this input (beta 1), and so is its gradient.
    private const double SoftplusThreshold = 20;

    /// <summary>Whether <see cref="Backward"/> needs the activation's input for <paramref name="activation"/> (gelu, silu).</summary>
    public static bool NeedsInput(Activation activation) => activation is Activation.Gelu or Activation.Silu;

    /// <summary>dL/dinput of <paramref name="activation"/> (softmax on the last axis).</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The activation's input; only read when <see cref="NeedsInput"/> is true, else may be null.</param>
    /// <param name="output">The activation's output.</param>
    /// <param name="activation">The activation.</param>
    /// <returns>A new tensor, except for linear, which returns <paramref name="gradOutput"/> itself.</returns>
    /// <exception cref="ArgumentNullException">Gelu or silu without the input.</exception>
    /// <remarks>
    /// Every constant a kernel takes as a <see cref="Scalar"/> is held until the kernel returns: TorchSharp
    /// passes a Scalar's native handle without keeping it alive, so an implicit double-to-Scalar
    /// temporary could be finalized mid-call (README, "The TorchSharp Scalar hazard"). The constants
    /// of <c>where</c> are tensors (it has no Scalar overload), which the step's dispose scope keeps.
    /// </remarks>
    public static Tensor Backward(Tensor gradOutput, Tensor? input, Tensor output, Activation activation)
    {
        using var zero = 0.0.ToScalar();
        using var one = 1.0.ToScalar();
        switch (activation)
        {
            case Activation.Linear:
                return gradOutput;
            case Activation.Relu:
                return gradOutput.mul(output.gt(zero));
            case Activation.Sigmoid:
                return gradOutput.mul(output).mul_(output.neg().add_(one));
            case Activation.Tanh:
                return gradOutput.mul(output.square().neg_().add_(one));
            case Activation.Softmax:
                // y * (g - sum(g * y))
                return output.mul(gradOutput.sub(gradOutput.mul(output).sum(-1, keepdim: true)));
            case Activation.Gelu:
                // erf form: g * (Phi(x) + x * phi(x))
                return Gelu(gradOutput, Input(input, activation), one);
            case Activation.Elu:
            {
                // alpha 1: y > 0 where x > 0; below, dy/dx = exp(x) = y + 1
                return gradOutput.mul(where(output.gt(zero), 1.0, output.add(one)));
            }

            case Activation.Selu:
            {
                using var below = (SeluAlpha * SeluScale).ToScalar();
                return gradOutput.mul(where(output.gt(zero), SeluScale, output.add(below)));
            }

            case Activation.Silu:
                // s(x) * (1 + x * (1 - s(x)))
                return Silu(gradOutput, Input(input, activation), one);
            case Activation.LeakyRelu:
            {
                return gradOutput.mul(where(output.gt(zero), 1.0, ActivationFunctions.LeakyReluNegativeSlope));
            }

            case Activation.Softplus:
            {
                // sigmoid(x) = 1 - exp(-y), written as -expm1(-y) to keep small slopes exact
                using var threshold = SoftplusThreshold.ToScalar();
                return gradOutput.mul(where(output.gt(threshold), 1.0, output.neg().expm1().neg_()));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation");
        }
    }

    private static Tensor Gelu(Tensor gradOutput, Tensor x, Scalar one)
    {
        using var invSqrt2 = (1 / Math.Sqrt(2)).ToScalar();
        using var half = 0.5.ToScalar();
        using var minusHalf = (-0.5).ToScalar();
        using var invSqrt2Pi = (1 / Math.Sqrt(2 * Math.PI)).ToScalar();
        var cdf = x.mul(invSqrt2).erf_().add_(one).mul_(half);
        var pdf = x.square().mul_(minusHalf).exp_().mul_(invSqrt2Pi);
        return gradOutput.mul(cdf.add_(pdf.mul_(x)));
    }

    private static Tensor Silu(Tensor gradOutput, Tensor x, Scalar one)
    {
        var s = x.sigmoid();
        return gradOutput.mul(s.neg().add_(one).mul_(x).add_(one).mul_(s));
    }

    private static Tensor Input(Tensor? input, Activation activation) =>
        input ?? throw new ArgumentNullException(nameof(input), $"the backward of {activation} needs the activation's input.");
}
