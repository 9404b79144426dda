using System.Linq;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Minimum</c>: the elementwise minimum of its inputs, <c>minimum.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two or more tensors <c>(batch, ...)</c> of one batch size whose other axes
/// broadcast (see <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the highest rank among the inputs.
/// </remarks>
public sealed class Minimum : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Minimum() : base(nameof(Minimum))
    {
    }

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs)
    {
        var output = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            output = minimum(output, inputs[i]);
        }

        return output;
    }

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
        => ExtremumGradients.Chain(gradOutput, inputs, minimum, (a, b) => a.lt(b));
}
