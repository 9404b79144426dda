using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>BatchNormalization(axis, momentum, epsilon, center, scale)</c>; it gets <c>training</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Axis">The feature axis (batch is 0, negative from the end).</param>
/// <param name="Center">Whether there is a beta.</param>
/// <param name="Scale">Whether there is a gamma.</param>
internal sealed record BatchNormalizationDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Axis, bool Center, bool Scale)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "BatchNormalization";

    /// <inheritdoc/>
    public override bool UsesTraining => true;

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => BatchNormalizationRule.Apply(input, Axis, Center, Scale);
}
