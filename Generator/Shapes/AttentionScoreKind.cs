namespace StaticKeras.Generator.Shapes;

/// <summary>The generator's copy of the runtime's <c>AttentionScoreMode</c> (Keras' <c>score_mode</c>), matched by member name.</summary>
internal enum AttentionScoreKind
{
    /// <summary>"dot": query · key.</summary>
    Dot,

    /// <summary>"concat": sum over features of tanh(query + key).</summary>
    Concat,
}
