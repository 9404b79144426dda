using System;
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
    public static Tensor Backward(Tensor gradOutput, Tensor? input, Tensor output, Activation activation) => activation switch
    {
        Activation.Linear => gradOutput,
        Activation.Relu => gradOutput.mul(output.gt(0)),
        Activation.Sigmoid => gradOutput.mul(output).mul_(output.neg().add_(1)),
        Activation.Tanh => gradOutput.mul(output.square().neg_().add_(1)),
        // softmax: y * (g - sum(g * y))
        Activation.Softmax => output.mul(gradOutput.sub(gradOutput.mul(output).sum(-1, keepdim: true))),
        // gelu (erf form): g * (Phi(x) + x * phi(x))
        Activation.Gelu => Gelu(gradOutput, Input(input, activation)),
        // elu, alpha 1: y > 0 where x > 0; below, dy/dx = exp(x) = y + 1
        Activation.Elu => gradOutput.mul(where(output.gt(0), 1.0, output.add(1))),
        Activation.Selu => gradOutput.mul(where(output.gt(0), SeluScale, output.add(SeluAlpha * SeluScale))),
        // silu: s(x) * (1 + x * (1 - s(x)))
        Activation.Silu => Silu(gradOutput, Input(input, activation)),
        Activation.LeakyRelu => gradOutput.mul(where(output.gt(0), 1.0, ActivationFunctions.LeakyReluNegativeSlope)),
        // softplus: sigmoid(x) = 1 - exp(-y), written as -expm1(-y) to keep small slopes exact
        Activation.Softplus => gradOutput.mul(where(output.gt(SoftplusThreshold), 1.0, output.neg().expm1().neg_())),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };

    private static Tensor Gelu(Tensor gradOutput, Tensor x)
    {
        var cdf = x.mul(1 / Math.Sqrt(2)).erf_().add_(1).mul_(0.5);
        var pdf = x.square().mul_(-0.5).exp_().mul_(1 / Math.Sqrt(2 * Math.PI));
        return gradOutput.mul(cdf.add_(pdf.mul_(x)));
    }

    private static Tensor Silu(Tensor gradOutput, Tensor x)
    {
        var s = x.sigmoid();
        return gradOutput.mul(s.neg().add_(1).mul_(x).add_(1).mul_(s));
    }

    private static Tensor Input(Tensor? input, Activation activation) =>
        input ?? throw new ArgumentNullException(nameof(input), $"the backward of {activation} needs the activation's input.");
}
