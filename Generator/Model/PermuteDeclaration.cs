using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Permute(dims)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Dims">A permutation of 1..rank.</param>
internal sealed record PermuteDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Dims)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Permute";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => PermuteRule.Apply(input, [.. Dims]);
}
