using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Randomly sets inputs to 0 with probability <see cref="Rate"/> during training and scales the
/// rest by <c>1 / (1 - rate)</c>, so the expected sum is unchanged (Keras <c>Dropout</c>).
/// In inference it is the identity.
/// </summary>
/// <remarks>
/// Input shape: any. Output shape: the same as the input.<br/>
/// As in Keras, a rate of 1 is accepted: in training the output is all zeros.<br/>
/// Keras' <c>noise_shape</c> draws one keep-or-drop per cell of a smaller mask that is broadcast over the
/// input: <c>noiseShape: [null, 1, null]</c> on <c>(batch, time, features)</c> drops the same features at
/// every time step. It has one entry per input axis, batch included; a null entry takes the input's size,
/// a number must be 1 or the input's size.
/// </remarks>
public sealed class Dropout : Layer
{
    private readonly int?[]? noiseShape;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of inputs to drop, in [0, 1].</param>
    /// <param name="noiseShape">
    /// Keras' <c>noise_shape</c>: the shape of the mask, one entry per input axis (batch included), null for
    /// the input's size; each number 1 (share the mask along that axis) or the input's size. Null (the
    /// default) draws a mask of the input's shape.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1], or a <paramref name="noiseShape"/> entry is not positive.</exception>
    public Dropout(double rate, int?[]? noiseShape = null) : base(nameof(Dropout))
    {
        Rate = rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Dropout needs a rate in [0, 1]; got {rate}.");
        if (noiseShape?.FirstOrDefault(n => n is <= 0) is { } bad)
        {
            throw new ArgumentOutOfRangeException(
                nameof(noiseShape), $"Dropout: noiseShape entries must be positive or null (Keras), found {bad} in {Describe(noiseShape)}.");
        }

        this.noiseShape = noiseShape?.ToArray();
    }

    /// <summary>The fraction of inputs dropped in training.</summary>
    public double Rate { get; }

    /// <summary>Keras' <c>noise_shape</c> (null entries take the input's size), or null for a mask of the input's shape.</summary>
    public int?[]? NoiseShape => noiseShape?.ToArray();

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
    public Tensor Call(Tensor inputs, bool training, out Tensor? mask) => Call(inputs, training, out mask, null, null);

    /// <summary>
    /// <see cref="Call(Tensor, bool, out Tensor?)"/> writing the output and the mask into buffers of the input's
    /// shape (a generated training step's memory plan) instead of new tensors: the same random draws and the
    /// same values. A buffer whose shape does not fit (a <see cref="NoiseShape"/> mask) is not used.
    /// </summary>
    /// <param name="inputs">The input.</param>
    /// <param name="training">Whether to drop.</param>
    /// <param name="mask">The scale applied to each element, or null.</param>
    /// <param name="into">A buffer of the input's shape for the output, or null for a new tensor. Ignored while autograd records.</param>
    /// <param name="maskInto">A buffer of the input's shape for the mask, or null for a new tensor. Ignored while autograd records.</param>
    public Tensor Call(Tensor inputs, bool training, out Tensor? mask, Tensor? into, Tensor? maskInto = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!training || Rate == 0)
        {
            mask = null;
            return inputs;
        }

        var keep = 1 - Rate;
        var shape = MaskShape(inputs);
        var planned = !is_grad_enabled();
        var held = planned && maskInto is not null && maskInto.shape.AsSpan().SequenceEqual(shape) && maskInto.dtype == inputs.dtype
            ? maskInto
            : null;
        // Rate 1 (Keras accepts it) drops everything: a zero mask, not 0 / 0.
        mask = keep == 0
            ? held?.zero_() ?? zeros(shape, inputs.dtype, inputs.device)
            : (held ?? empty(shape, inputs.dtype, inputs.device)).bernoulli_(keep).div_(keep);
        return planned && into is not null && into.shape.AsSpan().SequenceEqual(inputs.shape) && into.dtype == inputs.dtype
            ? into.copy_(inputs).mul_(mask)
            : inputs.mul(mask);
    }

    // The mask's shape: the input's, or noiseShape with its nulls filled in (Keras' _get_noise_shape),
    // checked to broadcast over the input as Keras' broadcast_to would.
    private long[] MaskShape(Tensor inputs)
    {
        if (noiseShape is null)
        {
            return inputs.shape;
        }

        if (noiseShape.Length != inputs.dim())
        {
            throw new ArgumentException(
                $"Dropout: noiseShape {Describe(noiseShape)} has {noiseShape.Length} entries, but the input of shape " +
                $"{LayerChecks.Describe(inputs)} has rank {inputs.dim()} (one entry per axis, batch included).", nameof(inputs));
        }

        var shape = new long[noiseShape.Length];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = noiseShape[axis] ?? inputs.shape[axis];
            if (shape[axis] != 1 && shape[axis] != inputs.shape[axis])
            {
                throw new ArgumentException(
                    $"Dropout: noiseShape {Describe(noiseShape)} does not broadcast to the input of shape {LayerChecks.Describe(inputs)}: " +
                    $"axis {axis} must be 1, null or {inputs.shape[axis]}, found {shape[axis]}.", nameof(inputs));
            }
        }

        return shape;
    }

    private static string Describe(int?[] shape) => "(" + string.Join(", ", shape.Select(n => n?.ToString() ?? "None")) + ")";

    /// <summary>The explicit backward: dL/dinputs = dL/doutput times the mask the forward call applied.</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="mask">The mask <see cref="Call(Tensor, bool, out Tensor?)"/> gave; null for the identity.</param>
    /// <param name="into">A buffer of the gradient's shape to write dL/dinputs into (a generated step's memory plan), or null for a new tensor.</param>
    public Tensor Backward(Tensor gradOutput, Tensor? mask, Tensor? into = null)
    {
        if (mask is null)
        {
            return gradOutput;
        }

        return into is not null && !is_grad_enabled() && into.shape.AsSpan().SequenceEqual(gradOutput.shape) && into.dtype == gradOutput.dtype
            ? into.copy_(gradOutput).mul_(mask)
            : gradOutput.mul(mask);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["rate"] = Rate;
        config["seed"] = null;
        config["noise_shape"] = noiseShape is null ? null : new JsonArray(noiseShape.Select(n => (JsonNode?)(n is { } v ? JsonValue.Create(v) : null)).ToArray());
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
