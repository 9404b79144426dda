using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Randomly sets inputs to 0 with probability <see cref="Rate"/> during training and scales the
/// rest by <c>1 / (1 - rate)</c>, so the expected sum is unchanged (Keras <c>Dropout</c>).
/// In inference it is the identity.
/// </summary>
/// <remarks>
/// Input shape: any. Output shape: the same as the input.<br/>
/// As in Keras, a rate of 1 is accepted: in training the output is all zeros.
/// </remarks>
public sealed class Dropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of inputs to drop, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1].</exception>
    public Dropout(double rate) : base(nameof(Dropout))
    {
        Rate = rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Dropout needs a rate in [0, 1]; got {rate}.");
    }

    /// <summary>The fraction of inputs dropped in training.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false) => Call(inputs, training, out _);

    /// <summary>
    /// <see cref="Call(Tensor, bool)"/> that also gives the mask it applied, for <see cref="Backward"/>:
    /// each kept element's scale <c>1 / (1 - rate)</c>, 0 where dropped; null when nothing is dropped
    /// (inference, or rate 0). Both forms draw the same random numbers, so the generated and the
    /// autograd training steps drop the same elements from the same seed.
    /// </summary>
    /// <param name="inputs">The input.</param>
    /// <param name="training">Whether to drop.</param>
    /// <param name="mask">The scale applied to each element, or null.</param>
    public Tensor Call(Tensor inputs, bool training, out Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!training || Rate == 0)
        {
            mask = null;
            return inputs;
        }

        var keep = 1 - Rate;
        // Rate 1 (Keras accepts it) drops everything: a zero mask, not 0 / 0.
        mask = keep == 0 ? zeros_like(inputs) : empty_like(inputs).bernoulli_(keep).div_(keep);
        return inputs.mul(mask);
    }

    /// <summary>The explicit backward: dL/dinputs = dL/doutput times the mask the forward call applied.</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="mask">The mask <see cref="Call(Tensor, bool, out Tensor?)"/> gave; null for the identity.</param>
    public Tensor Backward(Tensor gradOutput, Tensor? mask) => mask is null ? gradOutput : gradOutput.mul(mask);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["rate"] = Rate;
        config["seed"] = null;
        config["noise_shape"] = null;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return input;   // inference: identity
    }
}
