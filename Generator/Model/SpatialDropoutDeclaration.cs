using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>SpatialDropout1D(rate)</c> or <c>SpatialDropout2D(rate)</c>: gets <c>training</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Spatial">1 or 2 spatial axes.</param>
/// <param name="DataFormat">Where the channel axis is (SpatialDropout2D's <c>dataFormat</c>).</param>
internal sealed record SpatialDropoutDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type, int Spatial,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override bool UsesTraining => true;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => DropoutRule.Spatial(input, Spatial, DataFormat);
}
