using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Multiply</c>: the elementwise product of its inputs, <c>multiply.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: one or more tensors (Keras 3 returns a single input unchanged) <c>(batch, ...)</c> of one batch size whose other axes
/// broadcast (see <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the highest rank among the inputs.
/// </remarks>
public sealed class Multiply : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Multiply() : base(nameof(Multiply))
    {
    }

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs)
    {
        var output = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            output = output * inputs[i];
        }

        return output;
    }
}
