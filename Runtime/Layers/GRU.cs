using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>GRU</c>: a gated recurrent unit with gates in Keras' order z, r, h. With
/// <c>resetAfter</c> (Keras 3's default): <c>z = σ(x_z + h @ U_z + b'_z)</c>,
/// <c>r = σ(x_r + h @ U_r + b'_r)</c>, <c>hh = activation(x_h + r * (h @ U_h + b'_h))</c>,
/// <c>h = z * h + (1 - z) * hh</c>, where <c>x = x_t @ kernel + b</c>; without it the reset gate
/// applies before the product: <c>hh = activation(x_h + (r * h) @ U_h)</c>.
/// Input <c>(batch, timesteps, features)</c>; output <c>(batch, units)</c> or, with
/// <c>returnSequences</c>, <c>(batch, timesteps, units)</c>.
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(features, 3 units)</c> glorot_uniform, <c>recurrent_kernel</c>
/// <c>(units, 3 units)</c> orthogonal, <c>bias</c> zeros of shape <c>(2, 3 units)</c> with
/// <c>resetAfter</c> (row 0 input bias b, row 1 recurrent bias b') or <c>(3 units)</c> without:
/// <c>3 (features * units + units^2) + 6 units</c> parameters by default.
/// </remarks>
/// <param name="units">The size of the output and of the state.</param>
/// <param name="activation">For the candidate; tanh by default.</param>
/// <param name="recurrentActivation">For the update and reset gates; sigmoid by default.</param>
/// <param name="useBias">Whether the cell has a bias.</param>
/// <param name="returnSequences">Whether every step's output is returned; false by default.</param>
/// <param name="resetAfter">Whether the reset gate applies after the recurrent product (Keras 3's default, true).</param>
/// <param name="kernelInitializer">Keras' <c>kernel_initializer</c>; glorot_uniform by default.</param>
/// <param name="recurrentInitializer">Keras' <c>recurrent_initializer</c> (for <c>recurrent_kernel</c>); orthogonal by default.</param>
/// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
/// <param name="kernelRegularizer">Keras' <c>kernel_regularizer</c>; none by default.</param>
/// <param name="recurrentRegularizer">Keras' <c>recurrent_regularizer</c> (on <c>recurrent_kernel</c>); none by default.</param>
/// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
/// <param name="kernelConstraint">Keras' <c>kernel_constraint</c>, applied after every optimizer step; none by default.</param>
/// <param name="recurrentConstraint">Keras' <c>recurrent_constraint</c> (on <c>recurrent_kernel</c>); none by default.</param>
/// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
/// <param name="activityRegularizer">Keras' <c>activity_regularizer</c> (on the output, divided by the batch size); none by default.</param>
public sealed class GRU(
    int units,
    Activation activation = Activation.Tanh,
    Activation recurrentActivation = Activation.Sigmoid,
    bool useBias = true,
    bool returnSequences = false,
    bool resetAfter = true,
    Initializer kernelInitializer = Initializer.GlorotUniform,
    Initializer recurrentInitializer = Initializer.Orthogonal,
    Initializer biasInitializer = Initializer.Zeros,
    Regularizer? kernelRegularizer = null,
    Regularizer? recurrentRegularizer = null,
    Regularizer? biasRegularizer = null,
    Regularizer? activityRegularizer = null,
    Constraint? kernelConstraint = null,
    Constraint? recurrentConstraint = null,
    Constraint? biasConstraint = null)
    : RecurrentLayer(nameof(GRU), 3, units, activation, useBias, returnSequences, new(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer),
        new(kernelConstraint, recurrentConstraint, biasConstraint), new(kernelInitializer, recurrentInitializer, biasInitializer))
{
    /// <summary>The activation of the update and reset gates.</summary>
    public Activation RecurrentActivation { get; } = Checked(recurrentActivation);

    /// <summary>Whether the reset gate applies after the recurrent product.</summary>
    public bool ResetAfter { get; } = resetAfter;

    /// <inheritdoc/>
    private protected override long[] BiasShape => ResetAfter ? [2, 3 * Units] : [3 * Units];

    /// <inheritdoc/>
    private protected override Tensor ProjectInputs(Tensor inputsTimesKernel) => Bias switch
    {
        null => inputsTimesKernel,
        { } bias when ResetAfter => inputsTimesKernel + bias[0],
        { } bias => inputsTimesKernel + bias,
    };

    /// <inheritdoc/>
    private protected override Tensor[] Step(Tensor projectedInput, Tensor[] state)
    {
        var h = state[0];
        var x = projectedInput.chunk(3, 1);
        var recurrentKernel = RecurrentKernel;
        Tensor z, r, candidate;
        if (ResetAfter)
        {
            var inner = h.matmul(recurrentKernel);
            if (Bias is { } bias)
            {
                inner = inner + bias[1];
            }

            var recurrent = inner.chunk(3, 1);
            z = ActivationFunctions.Apply(x[0] + recurrent[0], RecurrentActivation);
            r = ActivationFunctions.Apply(x[1] + recurrent[1], RecurrentActivation);
            candidate = ActivationFunctions.Apply(x[2] + r * recurrent[2], Activation);
        }
        else
        {
            var gatesKernel = recurrentKernel.narrow(1, 0, 2 * Units);
            var recurrent = h.matmul(gatesKernel).chunk(2, 1);
            z = ActivationFunctions.Apply(x[0] + recurrent[0], RecurrentActivation);
            r = ActivationFunctions.Apply(x[1] + recurrent[1], RecurrentActivation);
            candidate = ActivationFunctions.Apply(x[2] + (r * h).matmul(recurrentKernel.narrow(1, 2 * Units, Units)), Activation);
        }

        return [z * h + (1 - z) * candidate];
    }

    /// <inheritdoc/>
    internal override RecurrentLayer Fresh()
    {
        var (r, c) = (Regularizers, Constraints);
        return new GRU(Units, Activation, RecurrentActivation, UseBias, ReturnSequences, ResetAfter, KernelInitializer, RecurrentInitializer, BiasInitializer,
            r.Kernel, r.Recurrent, r.Bias, r.Activity, c.Kernel, c.Recurrent, c.Bias);
    }

    private static Activation Checked(Activation activation)
    {
        LayerChecks.Defined(nameof(GRU), nameof(recurrentActivation), activation);
        return activation;
    }

    /// <inheritdoc/>
    private protected override void DescribeCell(JsonObject config)
    {
        config["recurrent_activation"] = KerasValues.Name(RecurrentActivation);
        config["reset_after"] = ResetAfter;
    }

    /// <inheritdoc/>
    private protected override string OnnxOperator => "GRU";

    /// <inheritdoc/>
    /// <remarks>Keras' gates are z, r, h, as ONNX's.</remarks>
    private protected override int[] OnnxGateOrder => [0, 1, 2];

    /// <inheritdoc/>
    private protected override Activation[] OnnxActivationList => [RecurrentActivation, Activation];

    /// <inheritdoc/>
    /// <remarks>reset_after is ONNX's linear_before_reset: the reset gate scales h·R plus its bias.</remarks>
    private protected override OnnxAttribute[] OnnxCellAttributes => [OnnxAttribute.Int("linear_before_reset", ResetAfter ? 1 : 0)];

    /// <inheritdoc/>
    /// <remarks>With reset_after the bias is (2, 3·units): input bias, then recurrent bias.</remarks>
    private protected override (Tensor Input, Tensor Recurrent) OnnxBiases(Tensor bias) =>
        ResetAfter ? (bias[0], bias[1]) : (bias, zeros_like(bias));
}
