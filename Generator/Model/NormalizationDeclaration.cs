using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>Keras' preprocessing <c>Normalization(axis, mean, variance, invert)</c>: passes a mask on.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Axes">The kept axes (batch is 0, negative from the end); empty for Keras' <c>axis=None</c>.</param>
/// <param name="GivenValues">How many values the given mean and variance have; 0 when they are learned by <c>Adapt</c>.</param>
internal sealed record NormalizationDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Axes, int GivenValues)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Normalization";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => NormalizationRule.Apply(input, [.. Axes], GivenValues);
}
