namespace StaticKeras.Tools.KerasImport;

/// <summary>A Keras layer as a StaticKeras field: its type and <c>new(...)</c> arguments, or why it cannot be expressed.</summary>
/// <param name="Type">The StaticKeras layer type (<c>Dense</c>), or null when not expressible.</param>
/// <param name="Arguments">The constructor arguments, C# source (<c>128, Activation.Relu</c>).</param>
/// <param name="Problem">Why the layer cannot be expressed, or null.</param>
internal sealed record LayerTranslation(string? Type, string Arguments, string? Problem)
{
    /// <summary>A layer StaticKeras has.</summary>
    public static LayerTranslation Of(string type, params string?[] arguments) =>
        new(type, string.Join(", ", System.Linq.Enumerable.Where(arguments, a => a is not null)), null);

    /// <summary>A layer StaticKeras cannot express, and why.</summary>
    public static LayerTranslation NotExpressible(string problem) => new(null, "", problem);
}
