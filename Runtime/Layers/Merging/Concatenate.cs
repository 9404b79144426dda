using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Concatenate(axis=-1)</c>: joins its inputs along <see cref="Axis"/>,
/// <c>concat.Call(a, b, ...)</c>. Axes count the batch as 0 and negative axes from the end; the
/// batch axis cannot be joined. No weights.
/// </summary>
/// <remarks>
/// Input shapes: two or more tensors of one rank whose sizes agree on every axis but <see cref="Axis"/>
/// (no broadcasting).<br/>
/// Output shape: the inputs' shape with the joined axis the sum of their sizes.
/// </remarks>
public sealed class Concatenate : MergeLayer
{
    /// <summary>Creates the layer with Keras' <c>axis</c>.</summary>
    /// <param name="axis">The axis to join along: -1 (the last, the default), or any non-batch axis.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is 0, the batch axis.</exception>
    public Concatenate(int axis = -1) : base(nameof(Concatenate))
    {
        if (axis == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(axis), axis, "Concatenate: axis 0 is the batch axis, which cannot be joined; use -1 for the last axis or 1.. for others.");
        }

        Axis = axis;
    }

    /// <summary>The axis the inputs are joined along, as given (batch is 0, negative from the end).</summary>
    public int Axis { get; }

    /// <inheritdoc/>
    protected override Tensor Merge(IReadOnlyList<Tensor> inputs)
    {
        var first = inputs[0].shape;
        var rank = first.Length;
        var axis = Axis < 0 ? Axis + rank : Axis;
        if (axis < 1 || axis >= rank)
        {
            throw new ArgumentException(
                $"Concatenate: axis {Axis} must name a non-batch axis of inputs of rank {rank} (batch included), " +
                $"found shape {ShapeText.Of(first)}.", nameof(inputs));
        }

        for (var k = 1; k < inputs.Count; k++)
        {
            var shape = inputs[k].shape;
            var differences = shape.Length != rank
                ? $"ranks {rank} and {shape.Length}"
                : Differences(first, shape, axis) is { Count: > 0 } axes ? "sizes in " + MergeChecks.Axes(axes) : null;
            if (differences is not null)
            {
                throw new ArgumentException(
                    $"Concatenate: inputs of shapes {ShapeText.Of(first)} and {ShapeText.Of(shape)} must match except on the " +
                    $"concatenation axis {Axis}, found different {differences}.", nameof(inputs));
            }
        }

        return cat(inputs.ToList(), axis);
    }

    /// <inheritdoc/>
    protected override Tensor[] MergeBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output)
    {
        var axis = Axis < 0 ? Axis + inputs[0].dim() : Axis;
        return gradOutput.split(inputs.Select(x => x.shape[axis]).ToArray(), axis);
    }

    private static List<int> Differences(long[] first, long[] other, int axis) =>
        Enumerable.Range(1, first.Length - 1).Where(a => a != axis && first[a] != other[a]).ToList();

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["axis"] = Axis;
        return true;
    }
}
