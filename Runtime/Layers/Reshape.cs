using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Reshape</c>: gives each sample a new shape with the same number of elements.
/// Input <c>(batch, ...)</c>; output <c>(batch, *targetShape)</c>, one dimension of which may be -1
/// (inferred from the others). No weights.
/// </summary>
public sealed class Reshape : Layer
{
    private readonly long[] target;

    /// <summary>Creates the layer with Keras' <c>target_shape</c>, batch excluded.</summary>
    /// <param name="targetShape">The new shape per sample: positive sizes and at most one -1.</param>
    /// <exception cref="ArgumentException">The shape is empty, has a size below -1 or zero, or more than one -1.</exception>
    public Reshape(params int[] targetShape)
        : base(nameof(Reshape))
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        string described = "(" + string.Join(", ", targetShape) + ")";
        if (targetShape.Length == 0 || targetShape.Any(d => d == 0 || d < -1) || targetShape.Count(d => d == -1) > 1)
        {
            throw new ArgumentException(
                $"Reshape: targetShape must hold positive sizes and at most one -1, found {described}.", nameof(targetShape));
        }

        target = targetShape.Select(d => (long)d).ToArray();
    }

    /// <summary>The target shape per sample as given (a -1 stays -1).</summary>
    public long[] TargetShape => (long[])target.Clone();

    /// <summary>The output shape per sample for an input shape per sample (-1 for unknown sizes), -1 resolved when possible.</summary>
    /// <exception cref="ArgumentException">The element counts cannot match.</exception>
    public long[] OutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        var output = (long[])target.Clone();
        if (inputShape.Any(d => d < 0))
        {
            return output;
        }

        long elements = inputShape.Aggregate(1L, (a, b) => a * b);
        long known = target.Where(d => d > 0).Aggregate(1L, (a, b) => a * b);
        int unknown = Array.IndexOf(target, -1L);
        if (unknown >= 0 ? elements % known != 0 : elements != known)
        {
            throw new ArgumentException(
                $"Reshape: cannot reshape input shape {LayerChecks.Describe(inputShape)} ({elements} elements per sample) " +
                $"to (batch, {string.Join(", ", target)}).", nameof(inputShape));
        }

        if (unknown >= 0)
        {
            output[unknown] = elements / known;
        }

        return output;
    }

    /// <summary>Checks that an input of <paramref name="inputShape"/> (batch excluded) can take the target shape.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerChecks.Dimensions(nameof(Reshape), inputShape);
        OutputShape(inputShape);
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() < 1)
        {
            throw new ArgumentException($"Reshape expects a batch of samples, found a scalar.", nameof(inputs));
        }

        return inputs.reshape([inputs.shape[0], .. OutputShape(LayerChecks.WithoutBatch(inputs))]);
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
        config["target_shape"] = KerasValues.List(TargetShape);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // 0 copies the batch dimension.
        return graph.Node("Reshape", [input, graph.Ints("shape", [0, .. TargetShape])]);
    }
}
