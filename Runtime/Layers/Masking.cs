using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Masking</c>: a step whose every feature equals <see cref="MaskValue"/> is masked, so the
/// layers after it that take a mask (LSTM, GRU, SimpleRNN, GlobalAveragePooling1D) skip it; the
/// output is the input with masked steps set to 0.
/// Input <c>(batch, steps, features)</c> (any rank from 2 with batch); output the same shape;
/// mask <c>(batch, steps)</c>: <c>any(inputs != maskValue, axis=-1)</c>.
/// </summary>
/// <param name="maskValue">The value that marks padding; 0 by default.</param>
public sealed class Masking(double maskValue = 0.0) : Layer(nameof(Masking))
{
    /// <summary>A step whose every feature equals it is masked (Keras' <c>mask_value</c>, 0.0 by default).</summary>
    public double MaskValue { get; } = maskValue;

    /// <inheritdoc/>
    public override void Build(params long[] inputShape) => LayerChecks.Dimensions(nameof(Masking), inputShape);

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        CheckRank(inputs);
        return inputs.where(ComputeMask(inputs).unsqueeze(-1), zeros_like(inputs));
    }

    /// <summary>The mask of <paramref name="inputs"/>: true where some feature of a step differs from <see cref="MaskValue"/>.</summary>
    /// <param name="inputs">The layer's input, <c>(batch, steps, features)</c>.</param>
    /// <returns>A boolean tensor of the input's shape without its last axis.</returns>
    public Tensor ComputeMask(Tensor inputs)
    {
        CheckRank(inputs);
        return inputs.ne(MaskValue).any(-1);
    }

    private static void CheckRank(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() < 2)
        {
            throw new ArgumentException(
                $"Masking expects inputs of rank 2 or more (batch, ..., features), found shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["mask_value"] = MaskValue;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // Keras' Masking.call: inputs * any(inputs != mask_value, axis=-1, keepdims); the mask itself is ExportOnnxMask.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        var differs = graph.Node("Not", [graph.Node("Equal", [input, graph.Scalar("mask_value", (float)MaskValue)])]);
        var keep = graph.Node("ReduceMax", [graph.Node("Cast", [differs], OnnxAttribute.Int("to", OnnxTypes.Float))], OnnxAttribute.Ints("axes", -1), OnnxAttribute.Int("keepdims", 1));
        return graph.Node("Mul", [input, keep]);
    }

    /// <inheritdoc/>
    internal override string ExportOnnxMask(OnnxGraph graph, string input)
    {
        // ComputeMask: any(inputs != mask_value, axis=-1), through floats (ReduceMax takes no booleans before opset 20).
        var differs = graph.Node("Cast", [graph.Node("Not", [graph.Node("Equal", [input, graph.Scalar("mask_value", (float)MaskValue)])])], OnnxAttribute.Int("to", OnnxTypes.Float));
        var any = graph.Node("ReduceMax", [differs], OnnxAttribute.Ints("axes", -1), OnnxAttribute.Int("keepdims", 0));
        return graph.Node("Cast", [any], OnnxAttribute.Int("to", OnnxTypes.Bool));
    }
}
