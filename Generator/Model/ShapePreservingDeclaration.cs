using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// A built-in layer without weights whose output has its input's shape and whose arguments change
/// no shape (<c>ReLU</c>, <c>LeakyReLU</c>, <c>Rescaling</c>): its arguments were checked when read.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
internal sealed record ShapePreservingDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ShapeResult.Ok(input);
}
