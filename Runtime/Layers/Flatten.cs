using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Flattens the input, keeping the batch axis (Keras <c>Flatten</c>). Layouts are channels-last,
/// so the order is Keras' (H, W, C) with no transpose.
/// </summary>
/// <remarks>
/// Input shape: N-D tensor of shape <c>(batch, ...)</c>.<br/>
/// Output shape: 2-D tensor of shape <c>(batch, product of the other axes)</c>; an input of shape
/// <c>(batch,)</c> becomes <c>(batch, 1)</c>.
/// </remarks>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    public Flatten() : base(nameof(Flatten))
    {
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        // The element count is written out rather than -1 so that an empty batch reshapes too.
        var shape = inputs.shape;
        var features = 1L;
        for (var i = 1; i < shape.Length; i++)
        {
            features *= shape[i];
        }

        return inputs.reshape(shape[0], features);
    }

    /// <summary>The explicit backward: dL/dinputs is dL/doutput in the input's shape (a view when it can be).</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="output">What the forward call returned (unused).</param>
    /// <param name="into">Unused: the result is a view of <paramref name="gradOutput"/>, which allocates nothing.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null) => gradOutput.reshape(input.shape);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["data_format"] = "channels_last";
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.Node("Flatten", [input], OnnxAttribute.Int("axis", 1));
    }
}
