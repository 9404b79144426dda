using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Reshape(targetShape)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Target">The target sizes, at most one -1.</param>
internal sealed record ReshapeDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Target)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Reshape";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ReshapeRule.Apply(input, [.. Target]);
}
