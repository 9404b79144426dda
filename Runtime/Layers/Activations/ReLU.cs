using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>ReLU</c> layer: <c>max(x, 0)</c>, optionally capped at <see cref="MaxValue"/>, with
/// values at or below <see cref="Threshold"/> set to 0 and a slope of <see cref="NegativeSlope"/>
/// below the threshold. Input any shape; output the same shape. No weights.
/// </summary>
/// <remarks>
/// As Keras' <c>activations.relu</c>: <c>f(x) = min(x, max_value)</c> for <c>x &gt; threshold</c>,
/// <c>negative_slope · (x − threshold)</c> otherwise.
/// </remarks>
public sealed class ReLU : Layer
{
    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="maxValue">The largest output; null (default) for no cap. Not negative.</param>
    /// <param name="negativeSlope">The slope below the threshold; 0 by default. Not negative.</param>
    /// <param name="threshold">Values at or below it are not passed through; 0 by default. Not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative (or not a number).</exception>
    public ReLU(double? maxValue = null, double negativeSlope = 0.0, double threshold = 0.0) : base(nameof(ReLU))
    {
        if (maxValue is { } max && !(max >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), max, $"ReLU: maxValue cannot be negative, found {max}.");
        }

        if (!(negativeSlope >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, $"ReLU: negativeSlope cannot be negative, found {negativeSlope}.");
        }

        if (!(threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"ReLU: threshold cannot be negative, found {threshold}.");
        }

        (MaxValue, NegativeSlope, Threshold) = (maxValue, negativeSlope, threshold);
    }

    /// <summary>The cap on the output; null for none.</summary>
    public double? MaxValue { get; }

    /// <summary>The slope below the threshold.</summary>
    public double NegativeSlope { get; }

    /// <summary>The threshold below which values are not passed through.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (NegativeSlope != 0 && MaxValue is null && Threshold == 0)
        {
            return nn.functional.leaky_relu(inputs, NegativeSlope);
        }

        // Keras' ReLU.static_call, step for step.
        var x = Threshold != 0 ? where(inputs > Threshold, inputs, zeros_like(inputs)) : nn.functional.relu(inputs);
        if (MaxValue is { } max)
        {
            x = x.clamp(0.0, max);
        }

        if (NegativeSlope != 0)
        {
            x = x - NegativeSlope * nn.functional.relu(Threshold - inputs);
        }

        return x;
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["max_value"] = MaxValue;
        config["negative_slope"] = NegativeSlope;
        config["threshold"] = Threshold;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // Keras' ReLU.static_call as ONNX nodes: Relu or LeakyRelu when they say it all, else the steps.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        if (MaxValue is null && Threshold == 0)
        {
            return NegativeSlope == 0
                ? graph.Node("Relu", [input])
                : graph.Node("LeakyRelu", [input], OnnxAttribute.Float("alpha", (float)NegativeSlope));
        }

        var x = Threshold != 0
            ? graph.Node("Where", [graph.Node("Greater", [input, graph.Scalar("threshold", (float)Threshold)]), input, graph.Scalar("zero", 0f)])
            : graph.Node("Relu", [input]);
        if (MaxValue is { } max)
        {
            x = graph.Node("Clip", [x, graph.Scalar("min", 0f), graph.Scalar("max", (float)max)]);
        }

        if (NegativeSlope != 0)
        {
            var below = graph.Node("Relu", [graph.Node("Sub", [graph.Scalar("threshold", (float)Threshold), input])]);
            x = graph.Node("Sub", [x, graph.Node("Mul", [below, graph.Scalar("negative_slope", (float)NegativeSlope)])]);
        }

        return x;
    }
}
