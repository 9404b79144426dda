using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>The input checks merge layers share, with messages naming the shapes found.</summary>
internal static class MergeChecks
{
    /// <summary>Throws unless there are enough non-null inputs, each with a batch axis, all of one batch size.</summary>
    public static void Inputs(string layer, IReadOnlyList<Tensor> inputs, int? exactCount)
    {
        var valid = exactCount is { } exact ? inputs.Count == exact : inputs.Count >= 1;
        if (!valid)
        {
            var needed = exactCount is { } n ? $"exactly {n}" : "at least 1";
            throw new ArgumentException($"{layer} needs {needed} inputs, found {inputs.Count}.", nameof(inputs));
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentNullException(nameof(inputs), $"{layer}: input {i} is null.");
            }

            if (inputs[i].dim() == 0)
            {
                throw new ArgumentException(
                    $"{layer}: every input needs a batch axis, found input {i} of shape {ShapeText.Of(inputs[i].shape)}.", nameof(inputs));
            }
        }

        if (inputs.FirstOrDefault(x => x.shape[0] != inputs[0].shape[0]) is { } other)
        {
            throw new ArgumentException(
                $"{layer}: inputs must have the same batch size, found shapes {ShapeText.Of(inputs[0].shape)} and {ShapeText.Of(other.shape)}.",
                nameof(inputs));
        }
    }

    /// <summary>Axes as messages list them, batch counted as axis 0: <c>axis 2</c>, <c>axes 1, 2</c>.</summary>
    public static string Axes(IReadOnlyList<int> axes) => (axes.Count == 1 ? "axis " : "axes ") + string.Join(", ", axes);
}
