using System.Linq;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Average</c>: the elementwise mean of its inputs (their sum divided by their count),
/// <c>average.Call(a, b, ...)</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: one or more tensors (Keras 3 returns a single input unchanged) <c>(batch, ...)</c> of one batch size whose other axes
/// broadcast (see <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the highest rank among the inputs.
/// </remarks>
public sealed class Average : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Average() : base(nameof(Average))
    {
    }

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs)
    {
        var sum = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            sum = sum + inputs[i];
        }

        return sum / inputs.Count;
    }

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
    {
        using var count = ((long)inputs.Count).ToScalar();   // held: an implicit Scalar could be finalized mid-call
        var share = gradOutput.div(count);
        return Enumerable.Repeat(share, inputs.Count).ToArray();
    }
}
