using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Masking(maskValue)</c>: the output is the input with masked steps zeroed, and a mask of the steps to use.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="MaskValue">A step whose every feature equals it is masked.</param>
internal sealed record MaskingDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, double MaskValue)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Masking";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Produces;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => MaskingRule.Apply(input);
}
