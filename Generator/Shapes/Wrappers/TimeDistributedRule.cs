using System;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>TimeDistributed(layer)</c>: an input <c>(batch, time, ...)</c> of rank 3 or more (batch
/// included, STK1002); the wrapped layer's rule applies to one time slice <c>(batch, ...)</c> and the
/// output is <c>(batch, time, wrapped output...)</c>. Its weights are the wrapped layer's, named
/// <c>layer.kernel</c> as the runtime registers them. A wrapped layer that rejects the slice gives its
/// own error (<see cref="ShapeErrorKind.InWrappedLayer"/>), as Keras raises the wrapped layer's.
/// </summary>
internal static class TimeDistributedRule
{
    /// <summary>The output and weights of <c>TimeDistributed</c> on <paramref name="input"/>, given the wrapped layer's rule.</summary>
    public static ShapeResult Apply(Shape input, Func<Shape, ShapeResult> layer)
    {
        if (input.Rank < 2)
        {
            // Keras: "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions".
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankTooLow, input, RequiredRank: 3));
        }

        var slice = new Shape(input.Dims.Skip(1).ToEquatableArray());
        var inner = layer(slice);
        if (inner.Error is { } error)
        {
            return ShapeResult.Fail(ShapeError.InWrapped(input, "layer", error));
        }

        var output = new Shape(new[] { input.Dims[0] }.Concat(inner.Output!.Dims).ToEquatableArray());
        return new ShapeResult(output, inner.Weights.Select(w => w with { Name = "layer." + w.Name }).ToEquatableArray(), null);
    }
}
