using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Softmax(axis)</c>; over the last axis it is the output activation a cross-entropy loss can take over.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Axis">The axis (batch counted as 0, negative from the end).</param>
internal sealed record SoftmaxDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Axis)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Softmax";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ActivationKind OutputActivation => Axis == -1 ? ActivationKind.Softmax : ActivationKind.Linear;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ActivationLayerRules.Softmax(input, Axis);
}
