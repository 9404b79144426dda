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
    public override Tensor Call(Tensor inputs, bool training = false) =>
        training && Rate > 0 ? nn.functional.dropout(inputs, Rate, training: true) : inputs;

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
