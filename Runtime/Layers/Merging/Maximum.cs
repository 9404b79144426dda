using System.Linq;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Maximum</c>: the elementwise maximum of its inputs, <c>maximum.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two or more tensors <c>(batch, ...)</c> of one batch size whose other axes
/// broadcast (see <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the highest rank among the inputs.
/// </remarks>
public sealed class Maximum : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Maximum() : base(nameof(Maximum))
    {
    }

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs)
    {
        var output = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            output = maximum(output, inputs[i]);
        }

        return output;
    }

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
        => ExtremumGradients.Chain(gradOutput, inputs, maximum, (a, b) => a.gt(b));
}
