using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes.Merging;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads a merge layer's <c>new(...)</c>: only Concatenate has an argument, its constant <c>axis</c> (STK0004).</summary>
internal static class MergeLayerReader
{
    /// <summary>Whether <paramref name="fullName"/> is one of the runtime's merge layers.</summary>
    public static bool IsMerge(string? fullName) =>
        fullName is not null && fullName.StartsWith("StaticKeras.Layers.", System.StringComparison.Ordinal)
        && MergeRules.IsMerge(fullName.Substring("StaticKeras.Layers.".Length));

    /// <summary>The declaration, or an <see cref="UnresolvedDeclaration"/> when the axis is not a constant (reported).</summary>
    public static LayerDeclaration Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        var axis = type == "Concatenate" ? arguments.Int("axis") : -1;
        return arguments.IsValid && axis is { } a
            ? new MergeDeclaration(name, identifier, location, type, a, arguments.Sites)
            : new UnresolvedDeclaration(name, identifier, location, type);
    }
}
