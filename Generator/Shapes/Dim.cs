using System;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>What is known about one dimension at build time.</summary>
internal enum DimKind
{
    /// <summary>A size known at build time.</summary>
    Known,

    /// <summary>A symbolic size (<c>[Input("time", 16)]</c>), known only at run time but consistent by name.</summary>
    Named,

    /// <summary>A size nothing is known about (Keras' <c>None</c>).</summary>
    Unknown,
}

/// <summary>One dimension of a static shape: a known size, a named symbol, or unknown.</summary>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Size">The size when <see cref="DimKind.Known"/>; otherwise -1.</param>
/// <param name="Name">The symbol when <see cref="DimKind.Named"/>; otherwise <see langword="null"/>.</param>
internal sealed record Dim(DimKind Kind, long Size, string? Name)
{
    /// <summary>A dimension nothing is known about.</summary>
    public static Dim Unknown { get; } = new(DimKind.Unknown, -1, null);

    /// <summary>A known, positive size.</summary>
    public static Dim Known(long size) =>
        size > 0 ? new(DimKind.Known, size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "a known dimension is positive");

    /// <summary>A symbolic size called <paramref name="name"/>.</summary>
    public static Dim Named(string name) => new(DimKind.Named, -1, name);

    /// <summary>Whether the size is known at build time.</summary>
    public bool IsKnown => Kind == DimKind.Known;

    /// <summary>The dimension as StaticKeras messages write it: <c>28</c>, <c>time</c> or <c>None</c>.</summary>
    public override string ToString() => Kind switch
    {
        DimKind.Known => Formatting.Number(Size),
        DimKind.Named => Name!,
        _ => "None",
    };
}
