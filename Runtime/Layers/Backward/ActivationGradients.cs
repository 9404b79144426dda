using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The gradient through an <see cref="Activation"/> that a layer applied last (Conv1D/2D,
/// Conv2DTranspose): from the gradient of the activation's output to the gradient of its input.
/// Most derivatives are functions of the output alone; GELU and SiLU need the pre-activation,
/// which the caller recomputes on demand.
/// </summary>
public static class ActivationGradients
{
    // The SELU constants TorchSharp and Keras share.
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>
    /// Returns dL/dz for <c>y = activation(z)</c> given <paramref name="gradOutput"/> = dL/dy.
    /// Builds no autograd graph; <see cref="Activation.Linear"/> returns <paramref name="gradOutput"/> itself.
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">y, the activation's output (the layer's output).</param>
    /// <param name="activation">The activation the layer applied.</param>
    /// <param name="preActivation">Recomputes z; called only for <see cref="Activation.Gelu"/> and <see cref="Activation.Silu"/>.</param>
    public static Tensor Backward(Tensor gradOutput, Tensor output, Activation activation, Func<Tensor> preActivation)
    {
        using var noGrad = no_grad();
        switch (activation)
        {
            case Activation.Linear:
                return gradOutput;
            case Activation.Relu:
                // autograd's threshold_backward: the gradient passes where the output is positive.
                return gradOutput.masked_fill(output.le(0), 0);
            case Activation.Sigmoid:
                return gradOutput * output * (1 - output);
            case Activation.Tanh:
                return gradOutput * (1 - output.square());
            case Activation.Softmax:
                return output * (gradOutput - (gradOutput * output).sum(-1, keepdim: true));
            case Activation.Elu:
                // z > 0: 1; else y + 1 (alpha 1).
                return where(output.gt(0), gradOutput, gradOutput * (output + 1));
            case Activation.Selu:
                return where(output.gt(0), gradOutput * SeluScale, gradOutput * (output + SeluScale * SeluAlpha));
            case Activation.LeakyRelu:
                return where(output.gt(0), gradOutput, gradOutput * ActivationFunctions.LeakyReluNegativeSlope);
            case Activation.Softplus:
                // sigmoid(z) = 1 - exp(-softplus(z)), written with expm1 for small outputs.
                return gradOutput * output.neg().expm1().neg();
            case Activation.Silu:
            {
                var z = preActivation();
                var s = z.sigmoid();
                return gradOutput * s * (1 + z * (1 - s));
            }

            case Activation.Gelu:
            {
                // The erf form: Phi(z) + z phi(z).
                var z = preActivation();
                var cdf = 0.5 * (1 + (z * (1 / Math.Sqrt(2))).erf());
                var pdf = (-0.5 * z.square()).exp() * (1 / Math.Sqrt(2 * Math.PI));
                return gradOutput * (cdf + z * pdf);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation");
        }
    }
}
