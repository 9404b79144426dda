using StaticKeras.Layers.Initializers;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>LSTM</c>: a long short-term memory layer with gates in Keras' order i, f, c, o:
/// <c>z = x_t @ kernel + h @ recurrent_kernel + bias</c>; <c>i, f, o = recurrentActivation(z_i, z_f, z_o)</c>;
/// <c>c = f * c + i * activation(z_c)</c>; <c>h = o * activation(c)</c>.
/// Input <c>(batch, timesteps, features)</c>; output <c>(batch, units)</c> or, with
/// <c>returnSequences</c>, <c>(batch, timesteps, units)</c>.
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(features, 4 units)</c> glorot_uniform, <c>recurrent_kernel</c>
/// <c>(units, 4 units)</c> orthogonal, and ONE <c>bias</c> <c>(4 units)</c> (PyTorch has two), zeros
/// except the forget slice, which <c>unitForgetBias</c> sets to 1:
/// <c>4 (features * units + units^2 + units)</c> parameters.
/// </remarks>
/// <param name="units">The size of the output and of the states h and c.</param>
/// <param name="activation">For the candidate and the output; tanh by default.</param>
/// <param name="recurrentActivation">For the gates; sigmoid by default.</param>
/// <param name="useBias">Whether the cell has a bias.</param>
/// <param name="returnSequences">Whether every step's output is returned; false by default.</param>
/// <param name="unitForgetBias">Whether the forget gate's bias starts at 1 (Keras' default, true).</param>
/// <param name="kernelInitializer">Keras' <c>kernel_initializer</c>; glorot_uniform by default.</param>
/// <param name="recurrentInitializer">Keras' <c>recurrent_initializer</c> (for <c>recurrent_kernel</c>); orthogonal by default.</param>
/// <param name="biasInitializer">
/// Keras' <c>bias_initializer</c>; zeros by default. With <c>unitForgetBias</c> it fills the input gate's slice and the
/// candidate's and output gate's slices, each drawn on its own shape, and the forget slice starts at 1, as Keras.
/// </param>
/// <param name="kernelRegularizer">Keras' <c>kernel_regularizer</c>; none by default.</param>
/// <param name="recurrentRegularizer">Keras' <c>recurrent_regularizer</c> (on <c>recurrent_kernel</c>); none by default.</param>
/// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
/// <param name="kernelConstraint">Keras' <c>kernel_constraint</c>, applied after every optimizer step; none by default.</param>
/// <param name="recurrentConstraint">Keras' <c>recurrent_constraint</c> (on <c>recurrent_kernel</c>); none by default.</param>
/// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
/// <param name="activityRegularizer">Keras' <c>activity_regularizer</c> (on the output, divided by the batch size); none by default.</param>
public sealed class LSTM(
    int units,
    Activation activation = Activation.Tanh,
    Activation recurrentActivation = Activation.Sigmoid,
    bool useBias = true,
    bool returnSequences = false,
    bool unitForgetBias = true,
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
    : RecurrentLayer(nameof(LSTM), 4, units, activation, useBias, returnSequences, new(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer),
        new(kernelConstraint, recurrentConstraint, biasConstraint), new(kernelInitializer, recurrentInitializer, biasInitializer))
{
    /// <summary>The activation of the input, forget and output gates.</summary>
    public Activation RecurrentActivation { get; } = Checked(recurrentActivation);

    /// <summary>Whether the forget gate's bias starts at 1.</summary>
    public bool UnitForgetBias { get; } = unitForgetBias;

    /// <inheritdoc/>
    private protected override long[] BiasShape => [4 * Units];

    /// <inheritdoc/>
    /// <remarks>With <see cref="UnitForgetBias"/>, Keras' slices: the bias initializer on (units) and (2 units), ones between.</remarks>
    private protected override WeightInitializer BiasWeightInitializer() =>
        UnitForgetBias ? new UnitForgetBias(WeightInitializers.For(BiasInitializer)) : base.BiasWeightInitializer();

    /// <inheritdoc/>
    private protected override Tensor ProjectInputs(Tensor inputsTimesKernel) =>
        Bias is { } bias ? inputsTimesKernel + bias : inputsTimesKernel;

    /// <inheritdoc/>
    private protected override Tensor[] InitialState(long batch, ScalarType dtype) =>
        [zeros(batch, Units, dtype), zeros(batch, Units, dtype)];

    /// <inheritdoc/>
    private protected override Tensor[] Step(Tensor projectedInput, Tensor[] state)
    {
        var z = (projectedInput + state[0].matmul(RecurrentKernel)).chunk(4, 1);
        var input = ActivationFunctions.Apply(z[0], RecurrentActivation);
        var forget = ActivationFunctions.Apply(z[1], RecurrentActivation);
        var candidate = ActivationFunctions.Apply(z[2], Activation);
        var output = ActivationFunctions.Apply(z[3], RecurrentActivation);
        var c = forget * state[1] + input * candidate;
        return [output * ActivationFunctions.Apply(c, Activation), c];
    }

    /// <inheritdoc/>
    internal override RecurrentLayer Fresh()
    {
        var (r, c) = (Regularizers, Constraints);
        return new LSTM(Units, Activation, RecurrentActivation, UseBias, ReturnSequences, UnitForgetBias, KernelInitializer, RecurrentInitializer, BiasInitializer,
            r.Kernel, r.Recurrent, r.Bias, r.Activity, c.Kernel, c.Recurrent, c.Bias);
    }

    private static Activation Checked(Activation activation)
    {
        LayerChecks.Defined(nameof(LSTM), nameof(recurrentActivation), activation);
        return activation;
    }

    /// <inheritdoc/>
    private protected override void DescribeCell(JsonObject config)
    {
        config["recurrent_activation"] = KerasValues.Name(RecurrentActivation);
        config["unit_forget_bias"] = UnitForgetBias;
    }

    /// <inheritdoc/>
    private protected override string OnnxOperator => "LSTM";

    /// <inheritdoc/>
    /// <remarks>Keras' gates are i, f, c, o; ONNX's i, o, f, c.</remarks>
    private protected override int[] OnnxGateOrder => [0, 3, 1, 2];

    /// <inheritdoc/>
    private protected override Activation[] OnnxActivationList => [RecurrentActivation, Activation, Activation];
}
