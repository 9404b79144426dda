using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Subtract</c>: the elementwise difference of exactly two inputs,
/// <c>subtract.Call(a, b)</c> = <c>a - b</c>. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two tensors <c>(batch, ...)</c> of one batch size whose other axes broadcast (see
/// <see cref="ElementwiseMerge"/>).<br/>
/// Output shape: the broadcast shape, the higher rank of the two.
/// </remarks>
public sealed class Subtract : ElementwiseMerge
{
    /// <summary>Creates the layer.</summary>
    public Subtract() : base(nameof(Subtract))
    {
    }

    /// <inheritdoc/>
    protected override int? ExactInputCount => 2;

    /// <inheritdoc/>
    protected override Tensor Combine(IReadOnlyList<Tensor> inputs) => inputs[0] - inputs[1];

    /// <inheritdoc/>
    protected override Tensor[] CombineBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output) => [gradOutput, gradOutput.neg()];
}
