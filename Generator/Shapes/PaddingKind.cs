namespace StaticKeras.Generator.Shapes;

/// <summary>The generator's copy of <c>StaticKeras.Layers.Padding</c>; members are matched by name.</summary>
internal enum PaddingKind
{
    /// <summary>No padding: the window stays inside the input.</summary>
    Valid,

    /// <summary>TensorFlow's "same": output <c>ceil(n / stride)</c>.</summary>
    Same,

    /// <summary>Left padding so no step sees the future (Conv1D only).</summary>
    Causal,
}
