namespace StaticKeras.Generator.Shapes;

/// <summary>The generator's copy of <c>StaticKeras.Layers.Interpolation</c>; members are matched by name (shapes do not depend on it).</summary>
internal enum InterpolationKind
{
    /// <summary>Repeat each cell.</summary>
    Nearest,

    /// <summary>Bilinear interpolation.</summary>
    Bilinear,
}
