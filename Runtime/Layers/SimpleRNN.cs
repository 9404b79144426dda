using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>SimpleRNN</c>: <c>h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias)</c>.
/// Input <c>(batch, timesteps, features)</c>; output <c>(batch, units)</c> or, with
/// <c>returnSequences</c>, <c>(batch, timesteps, units)</c>.
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(features, units)</c>, <c>recurrent_kernel</c> <c>(units, units)</c>,
/// <c>bias</c> <c>(units)</c>: <c>features * units + units^2 + units</c> parameters.
/// </remarks>
/// <param name="units">The size of the output and of the state.</param>
/// <param name="activation">tanh by default.</param>
/// <param name="useBias">Whether the cell has a bias.</param>
/// <param name="returnSequences">Whether every step's output is returned; false by default.</param>
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
public sealed class SimpleRNN(
    int units,
    Activation activation = Activation.Tanh,
    bool useBias = true,
    bool returnSequences = false,
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
    : RecurrentLayer(nameof(SimpleRNN), 1, units, activation, useBias, returnSequences, new(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer),
        new(kernelConstraint, recurrentConstraint, biasConstraint), new(kernelInitializer, recurrentInitializer, biasInitializer))
{
    /// <inheritdoc/>
    private protected override long[] BiasShape => [Units];

    /// <inheritdoc/>
    private protected override Tensor ProjectInputs(Tensor inputsTimesKernel) =>
        Bias is { } bias ? inputsTimesKernel + bias : inputsTimesKernel;

    /// <inheritdoc/>
    private protected override Tensor[] Step(Tensor projectedInput, Tensor[] state) =>
        [ActivationFunctions.Apply(projectedInput + state[0].matmul(RecurrentKernel), Activation)];

    /// <inheritdoc/>
    internal override RecurrentLayer Fresh()
    {
        var (r, c) = (Regularizers, Constraints);
        return new SimpleRNN(Units, Activation, UseBias, ReturnSequences, KernelInitializer, RecurrentInitializer, BiasInitializer,
            r.Kernel, r.Recurrent, r.Bias, r.Activity, c.Kernel, c.Recurrent, c.Bias);
    }

    /// <inheritdoc/>
    private protected override string OnnxOperator => "RNN";
}
