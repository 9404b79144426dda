using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of Keras' elementwise merges. Shapes broadcast as in Keras: inputs of a lower rank gain
/// axes of size 1 right after the batch until every input has the highest rank (so shapes align
/// from their last axis, and the batch axis with the batch axis), then along each axis the sizes
/// must be equal or 1.
/// </summary>
public abstract class ElementwiseMerge : MergeLayer
{
    /// <summary>Creates the layer with its TorchSharp module name (the Keras class name).</summary>
    protected ElementwiseMerge(string name) : base(name)
    {
    }

    /// <inheritdoc/>
    protected sealed override Tensor Merge(IReadOnlyList<Tensor> inputs)
    {
        CheckBroadcast(inputs);
        var rank = inputs.Max(x => x.dim());
        var aligned = inputs.Select(x => Expand(x, rank)).ToList();
        return Combine(aligned);
    }

    /// <summary>Combines inputs of one rank and one batch size whose other axes broadcast.</summary>
    /// <param name="inputs">Two or more tensors (Subtract: exactly two).</param>
    protected abstract Tensor Combine(IReadOnlyList<Tensor> inputs);

    /// <inheritdoc/>
    protected sealed override Tensor[] MergeBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
    {
        var rank = inputs.Max(x => x.dim());
        var aligned = inputs.Select(x => Expand(x, rank)).ToList();
        var full = CombineBackward(gradOutput, aligned, output);
        var gradients = new Tensor[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            // Sum over the axes this input was broadcast along, then drop the axes Expand added.
            var broadcast = Enumerable.Range(0, (int)rank)
                .Where(a => aligned[i].shape[a] == 1 && full[i].shape[a] != 1).Select(a => (long)a).ToArray();
            var reduced = broadcast.Length == 0 ? full[i] : full[i].sum(broadcast, keepdim: true);
            gradients[i] = reduced.shape.SequenceEqual(inputs[i].shape) ? reduced : reduced.reshape(inputs[i].shape);
        }

        return gradients;
    }

    /// <summary>
    /// The gradient of each (rank-aligned) input before broadcasting is undone: shaped like the output,
    /// or like the input where the gradient does not vary along broadcast axes.
    /// </summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="inputs">The inputs, expanded to the output's rank as <see cref="Combine"/> saw them.</param>
    /// <param name="output">The output.</param>
    protected abstract Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output);

    // Keras' call: x = ops.expand_dims(x, axis=1) until the ranks agree.
    private static Tensor Expand(Tensor x, long rank)
    {
        while (x.dim() < rank)
        {
            x = x.unsqueeze(1);
        }

        return x;
    }

    private void CheckBroadcast(IReadOnlyList<Tensor> inputs)
    {
        for (var k = 1; k < inputs.Count; k++)
        {
            for (var i = 0; i < k; i++)
            {
                var axes = Clashes(inputs[i].shape, inputs[k].shape);
                if (axes.Count > 0)
                {
                    throw new ArgumentException(
                        $"{GetName()}: inputs of shapes {ShapeText.Of(inputs[i].shape)} and {ShapeText.Of(inputs[k].shape)} differ in " +
                        $"{MergeChecks.Axes(axes)}; sizes must be equal or 1 (shapes align from the last axis).",
                        nameof(inputs));
                }
            }
        }
    }

    // Non-batch axes, aligned from the end, where both sizes differ and neither is 1; numbered in the longer shape.
    private static List<int> Clashes(long[] first, long[] second)
    {
        var rank = Math.Max(first.Length, second.Length);
        var axes = new List<int>();
        for (var fromEnd = Math.Min(first.Length, second.Length) - 1; fromEnd >= 1; fromEnd--)
        {
            long a = first[^fromEnd], b = second[^fromEnd];
            if (a != b && a != 1 && b != 1)
            {
                axes.Add(rank - fromEnd);
            }
        }

        return axes;
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        return true;
    }
}
