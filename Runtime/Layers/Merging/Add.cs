using System.Linq;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Add</c>: the elementwise sum of its inputs, <c>add.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two or more tensors <c>(batch, ...)</c> of one batch size whose other axes
/// broadcast (see <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the highest rank among the inputs.
/// </remarks>
public sealed class Add : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Add() : base(nameof(Add))
    {
    }

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs)
    {
        var output = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            output = output + inputs[i];
        }

        return output;
    }

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output) =>
        Enumerable.Repeat(gradOutput, inputs.Count).ToArray();
}
