using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Bidirectional(layer, merge_mode, backward_layer)</c>: exactly <c>(batch, time, features)</c>
/// (STK1003, Keras' input_spec); each direction's recurrent rule gives its output, and the merge
/// joins them: <c>concat</c> adds their last axes, <c>sum</c>/<c>mul</c>/<c>ave</c> keep one (the
/// reader has checked both directions have the same units). Weights: the forward layer's, then the
/// backward layer's, named <c>forward_layer.kernel</c>, <c>backward_layer.kernel</c> as the runtime registers them.
/// </summary>
internal static class BidirectionalRule
{
    /// <summary>The output and weights of <c>Bidirectional</c> on <paramref name="input"/>, given each direction's result on it.</summary>
    public static ShapeResult Apply(Shape input, ShapeResult forward, ShapeResult backward, MergeModeKind mergeMode)
    {
        if (InputChecks.ExactRank(input, 2, "(batch, timesteps, features)") is { } rank)
        {
            return ShapeResult.Fail(rank);
        }

        if (forward.Error is { } forwardError)
        {
            return ShapeResult.Fail(ShapeError.InWrapped(input, "layer", forwardError));
        }

        if (backward.Error is { } backwardError)
        {
            return ShapeResult.Fail(ShapeError.InWrapped(input, "backwardLayer", backwardError));
        }

        var (f, b) = (forward.Output!, backward.Output!);
        var output = mergeMode == MergeModeKind.Concat ? f.WithLast(Dim.Known(f.Last.Size + b.Last.Size)) : f;
        var weights = forward.Weights.Select(w => w with { Name = "forward_layer." + w.Name })
            .Concat(backward.Weights.Select(w => w with { Name = "backward_layer." + w.Name }));
        return new ShapeResult(output, weights.ToEquatableArray(), null);
    }
}
