using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Permute</c>: reorders the axes of each sample. <c>dims</c> is 1-based as in Keras
/// (axis 0 is the batch, which never moves): <c>new Permute(2, 1)</c> turns <c>(batch, a, b)</c>
/// into <c>(batch, b, a)</c>. No weights.
/// </summary>
public sealed class Permute : Layer
{
    private readonly int[] dims;

    /// <summary>Creates the layer with Keras' <c>dims</c>.</summary>
    /// <param name="dims">A permutation of 1..n, n the rank of a sample.</param>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is not a permutation of 1..n.</exception>
    public Permute(params int[] dims)
        : base(nameof(Permute))
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0 || !dims.OrderBy(d => d).SequenceEqual(Enumerable.Range(1, dims.Length)))
        {
            throw new ArgumentException(
                $"Permute: dims must be a permutation of 1..{dims.Length} (1-based, the batch axis 0 stays first), " +
                $"found ({string.Join(", ", dims)}).", nameof(dims));
        }

        this.dims = (int[])dims.Clone();
    }

    /// <summary>The permutation, 1-based.</summary>
    public int[] Dims => (int[])dims.Clone();

    /// <summary>Checks that a sample has as many axes as <see cref="Dims"/>.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerChecks.Rank(nameof(Permute), inputShape, dims.Length, $"(batch plus {dims.Length} axes to permute)");
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(Permute), inputs, dims.Length + 1, $"(batch plus {dims.Length} axes to permute)");
        return inputs.permute([0, .. dims.Select(d => (long)d)]);
    }

    /// <summary>The explicit backward: dL/dinputs is dL/doutput permuted back (a view).</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The input the forward call received (unused).</param>
    /// <param name="output">What the forward call returned (unused).</param>
    /// <param name="into">Unused: the result is a view of <paramref name="gradOutput"/>, which allocates nothing.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        // Output axis i + 1 is input axis dims[i]; the inverse sends input axis dims[i] back from i + 1.
        var inverse = new long[dims.Length + 1];
        for (var i = 0; i < dims.Length; i++)
        {
            inverse[dims[i]] = i + 1;
        }

        return gradOutput.permute(inverse);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["dims"] = KerasValues.List(System.Array.ConvertAll(Dims, d => (long)d));
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.Node("Transpose", [input], OnnxAttribute.Ints("perm", [0, .. System.Array.ConvertAll(Dims, d => (long)d)]));
    }
}
