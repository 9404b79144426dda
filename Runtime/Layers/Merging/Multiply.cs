using System.Linq;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Multiply</c>: the elementwise product of its inputs, <c>multiply.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two or more tensors <c>(batch, ...)</c> of one batch size whose other axes
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

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
    {
        // Each input's gradient is the product of all the others (no division: inputs may be zero).
        var gradients = new Tensor[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var product = gradOutput;
            for (var j = 0; j < inputs.Count; j++)
            {
                if (j != i)
                {
                    product = product * inputs[j];
                }
            }

            gradients[i] = product;
        }

        return gradients;
    }
}
