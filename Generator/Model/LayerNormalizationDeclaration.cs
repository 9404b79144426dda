using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>LayerNormalization(axis, epsilon, center, scale)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Axes">The normalized axes (batch is 0, negative from the end).</param>
/// <param name="Center">Whether there is a beta.</param>
/// <param name="Scale">Whether there is a gamma.</param>
internal sealed record LayerNormalizationDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Axes, bool Center, bool Scale)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "LayerNormalization";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => LayerNormalizationRule.Apply(input, [.. Axes], Center, Scale);
}
