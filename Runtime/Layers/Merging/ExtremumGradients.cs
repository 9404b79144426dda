using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The gradient of Maximum/Minimum over several inputs, computed as autograd differentiates the
/// forward's chain <c>m = op(op(x0, x1), x2) ...</c>: at each step the winner takes the gradient,
/// and a tie splits it in half between the two (TorchSharp's <c>maximum</c>/<c>minimum</c> backward).
/// </summary>
internal static class ExtremumGradients
{
    /// <summary>Per-input gradients (broadcast to the output's shape where inputs broadcast).</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="inputs">The rank-aligned inputs.</param>
    /// <param name="op">maximum or minimum.</param>
    /// <param name="wins">Where the running value strictly beats the next input (gt for maximum, lt for minimum).</param>
    public static Tensor[] Chain(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Func<Tensor, Tensor, Tensor> op, Func<Tensor, Tensor, Tensor> wins)
    {
        var running = new Tensor[inputs.Count];
        running[0] = inputs[0];
        for (var k = 1; k < inputs.Count; k++)
        {
            running[k] = op(running[k - 1], inputs[k]);
        }

        var gradients = new Tensor[inputs.Count];
        var g = gradOutput;
        using var half = 0.5.ToScalar();   // held: an implicit Scalar could be finalized mid-call
        using var one = 1.0.ToScalar();
        for (var k = inputs.Count - 1; k >= 1; k--)
        {
            // The running value's share: 1 where it wins, 1/2 on a tie, 0 where input k wins.
            var share = wins(running[k - 1], inputs[k]).to_type(g.dtype).add_(running[k - 1].eq(inputs[k]).to_type(g.dtype).mul_(half));
            gradients[k] = g * share.neg().add_(one);
            g = g * share;
        }

        gradients[0] = g;
        return gradients;
    }
}
