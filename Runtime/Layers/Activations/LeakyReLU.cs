using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>LeakyReLU</c> layer: <c>x</c> for <c>x ≥ 0</c>, <c>negative_slope · x</c> otherwise.
/// Input any shape; output the same shape. No weights.
/// </summary>
/// <remarks>
/// The layer's default slope is Keras 3's 0.3 (the <c>leaky_relu</c> activation function's is 0.2:
/// see <see cref="ActivationFunctions.LeakyReluNegativeSlope"/>).
/// </remarks>
public sealed class LeakyReLU : Layer
{
    /// <summary>Keras 3's default slope of the layer.</summary>
    public const double DefaultNegativeSlope = 0.3;

    /// <summary>Creates the layer.</summary>
    /// <param name="negativeSlope">The slope for negative inputs; 0.3 by default. Not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is negative (or not a number).</exception>
    public LeakyReLU(double negativeSlope = DefaultNegativeSlope) : base(nameof(LeakyReLU))
    {
        NegativeSlope = negativeSlope >= 0
            ? negativeSlope
            : throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, $"LeakyReLU: negativeSlope cannot be negative, found {negativeSlope}.");
    }

    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return nn.functional.leaky_relu(inputs, NegativeSlope);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["negative_slope"] = NegativeSlope;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("LeakyRelu", [input], OnnxAttribute.Float("alpha", (float)NegativeSlope));
}
