using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Rescaling</c> layer: <c>x · scale + offset</c> (e.g. <c>scale: 1.0 / 255</c> maps
/// pixels to [0, 1]). Input any shape; output the same shape, as floats. No weights.
/// </summary>
public sealed class Rescaling : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="scale">The factor each input is multiplied by.</param>
    /// <param name="offset">Added after scaling; 0 by default.</param>
    public Rescaling(double scale, double offset = 0.0) : base(nameof(Rescaling))
    {
        (Scale, Offset) = (scale, offset);
    }

    /// <summary>The factor.</summary>
    public double Scale { get; }

    /// <summary>The offset added after scaling.</summary>
    public double Offset { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Integer inputs (pixels) become float32, Keras' compute dtype.
        var x = inputs.is_floating_point() ? inputs : inputs.to_type(ScalarType.Float32);
        return Offset == 0 ? x * Scale : x * Scale + Offset;
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["scale"] = Scale;
        config["offset"] = Offset;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("Add", [graph.Node("Mul", [input, graph.Scalar("scale", (float)Scale)]), graph.Scalar("offset", (float)Offset)]);
}
