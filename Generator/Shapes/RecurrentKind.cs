namespace StaticKeras.Generator.Shapes;

/// <summary>The recurrent layers the generator knows, with their gate counts.</summary>
internal enum RecurrentKind
{
    /// <summary>One gate: <c>du + u² + u</c> parameters.</summary>
    SimpleRNN,

    /// <summary>Four gates: <c>4(du + u² + u)</c> parameters.</summary>
    LSTM,

    /// <summary>Three gates: <c>3(du + u²) + 6u</c> parameters with reset_after (bias (2, 3u)), <c>3(du + u² + u)</c> without.</summary>
    GRU,
}
