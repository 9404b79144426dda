namespace StaticKeras.Generator.Shapes;

/// <summary>The generator's copy of <c>StaticKeras.Layers.MergeMode</c> (Bidirectional's <c>merge_mode</c>); members are matched by name.</summary>
internal enum MergeModeKind
{
    /// <summary>Joined on the last axis: forward units + backward units.</summary>
    Concat,

    /// <summary>Added.</summary>
    Sum,

    /// <summary>Multiplied.</summary>
    Mul,

    /// <summary>Averaged.</summary>
    Ave,
}
