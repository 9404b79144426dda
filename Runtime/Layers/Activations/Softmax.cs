using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Softmax</c> layer: <c>exp(x) / sum(exp(x))</c> along <see cref="Axis"/>. Input any
/// shape; output the same shape. No weights.
/// </summary>
public sealed class Softmax : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="axis">The axis normalized over (batch counted as 0, negative from the end); -1, the last, by default.</param>
    public Softmax(int axis = -1) : base(nameof(Softmax))
    {
        Axis = axis;
    }

    /// <summary>The axis normalized over.</summary>
    public int Axis { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false) => Call(inputs, null);

    /// <summary>
    /// Softmax with a mask, as Keras' <c>call(inputs, mask)</c>: masked positions (false, or
    /// ≤ 0.5) take no weight, and an axis masked entirely gives zeros rather than a uniform distribution.
    /// </summary>
    /// <param name="inputs">The scores.</param>
    /// <param name="mask">A mask that broadcasts to <paramref name="inputs"/>; null for none.</param>
    public Tensor Call(Tensor inputs, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        long rank = inputs.dim();
        if (Axis < -rank || Axis >= rank || Axis == 0 || Axis == -rank)
        {
            throw new ArgumentException(
                $"Softmax: axis {Axis} must name a non-batch axis of inputs of rank {rank}, found inputs of shape {LayerChecks.Describe(inputs)}.",
                nameof(inputs));
        }

        if (mask is null)
        {
            return inputs.softmax(Axis);
        }

        var keep = mask.dtype == ScalarType.Bool ? mask : mask > 0.5;
        var masked = where(keep, inputs, full_like(inputs, LargeNegative(inputs.dtype)));
        return where(keep, masked.softmax(Axis), zeros_like(inputs));
    }

    /// <summary>Keras' <c>_large_negative_number</c>: -1e9 in float32 and float64, -3e4 in float16.</summary>
    internal static double LargeNegative(ScalarType dtype) => dtype is ScalarType.Float16 or ScalarType.BFloat16 ? -3e4 : -1e9;

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["axis"] = Axis;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("Softmax", [input], OnnxAttribute.Int("axis", Axis));
}
