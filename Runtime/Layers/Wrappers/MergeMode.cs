namespace StaticKeras.Layers;

/// <summary>
/// How <see cref="Bidirectional"/> combines its forward and backward outputs (Keras' <c>merge_mode</c>).
/// Keras' <c>None</c>, which returns the two outputs as a list, has no member: a StaticKeras layer call
/// returns one tensor.
/// </summary>
public enum MergeMode
{
    /// <summary>Joined on the last axis, forward first: twice the units (Keras' default, <c>"concat"</c>).</summary>
    Concat,

    /// <summary>Added (<c>"sum"</c>).</summary>
    Sum,

    /// <summary>Multiplied elementwise (<c>"mul"</c>).</summary>
    Mul,

    /// <summary>Averaged (<c>"ave"</c>).</summary>
    Ave,
}
