using System;
using System.Linq;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>Short shape literals for tests: <c>TestShapes.Of(28, "time", null)</c> is (batch, 28, time, None).</summary>
internal static class TestShapes
{
    /// <summary>A shape from ints (known), strings (named) and nulls (unknown).</summary>
    public static Shape Of(params object?[] dims) => Shape.Of(dims.Select(ToDim).ToArray());

    private static Dim ToDim(object? dim) => dim switch
    {
        null => Dim.Unknown,
        int size => Dim.Known(size),
        string name => Dim.Named(name),
        _ => throw new ArgumentException($"not a dimension: {dim}", nameof(dim)),
    };
}
