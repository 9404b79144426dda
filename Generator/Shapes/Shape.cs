using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>A static tensor shape without its batch dimension, as Keras' shapes minus the leading <c>None</c>.</summary>
/// <param name="Dims">The dimensions after the batch.</param>
internal sealed record Shape(EquatableArray<Dim> Dims)
{
    /// <summary>A shape of the given dimensions.</summary>
    public static Shape Of(params Dim[] dims) => new(EquatableArray.Of(dims));

    /// <summary>A shape of known sizes.</summary>
    public static Shape Of(params long[] sizes) => new(sizes.Select(Dim.Known).ToEquatableArray());

    /// <summary>The rank without the batch dimension.</summary>
    public int Rank => Dims.Count;

    /// <summary>The last dimension; only valid when <see cref="Rank"/> is at least 1.</summary>
    public Dim Last => Dims[Dims.Count - 1];

    /// <summary>Whether every dimension is known.</summary>
    public bool IsFullyKnown => Dims.All(d => d.IsKnown);

    /// <summary>This shape with the last dimension replaced.</summary>
    public Shape WithLast(Dim last) => new(Dims.Take(Rank - 1).Append(last).ToEquatableArray());

    /// <summary>The shape with its batch, as StaticKeras messages write it: <c>(batch, time, 16)</c>.</summary>
    public override string ToString() => Display("batch");

    /// <summary>The shape as Keras' summary writes it: <c>(None, time, 16)</c>.</summary>
    public string ToKerasString() => Display("None");

    private string Display(string batch) => "(" + string.Join(", ", new[] { batch }.Concat(Dims.Select(d => d.ToString()))) + ")";
}
