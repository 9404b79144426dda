namespace StaticKeras.Generator;

/// <summary>The names of the pipeline's steps, so tests can check each step is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    /// <summary>Reading a [Sequential] or [Model] class into a <c>ModelDeclaration</c> and its graph.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>Inferring the shapes of every node of a model's graph.</summary>
    public const string Shapes = nameof(Shapes);

    /// <summary>Writing a model's generated source.</summary>
    public const string Sources = nameof(Sources);

    /// <summary>Reading a [Layer] class into a <c>CustomLayerClass</c>.</summary>
    public const string CustomLayers = nameof(CustomLayers);

    /// <summary>Writing a custom layer's generated part.</summary>
    public const string CustomLayerSources = nameof(CustomLayerSources);
}
