namespace StaticKeras.Generator;

/// <summary>The names of the pipeline's steps, so tests can check each step is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    /// <summary>Reading a [Sequential] class into a <c>ModelDeclaration</c>.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>Inferring every layer's shapes.</summary>
    public const string Shapes = nameof(Shapes);

    /// <summary>Writing the generated source.</summary>
    public const string Sources = nameof(Sources);

    /// <summary>Reading a [Model] class and its [Graph] method into a <c>GraphModelDeclaration</c>.</summary>
    public const string GraphDeclarations = nameof(GraphDeclarations);

    /// <summary>Inferring the shapes of every call in a graph.</summary>
    public const string GraphShapes = nameof(GraphShapes);

    /// <summary>Writing a functional model's generated source.</summary>
    public const string GraphSources = nameof(GraphSources);

    /// <summary>Reading a [Layer] class into a <c>CustomLayerClass</c>.</summary>
    public const string CustomLayers = nameof(CustomLayers);

    /// <summary>Writing a custom layer's generated part.</summary>
    public const string CustomLayerSources = nameof(CustomLayerSources);

    /// <summary>Reading the project's help-link base (StaticKerasHelpLinkBase) from its MSBuild properties.</summary>
    public const string HelpLinkBase = nameof(HelpLinkBase);
}
