using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>GlobalAveragePooling1D/2D</c> or <c>GlobalMaxPooling1D/2D</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Spatial">1 or 2 spatial axes.</param>
/// <param name="Keepdims">Whether reduced axes stay as 1.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record GlobalPoolingDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type, int Spatial, bool Keepdims,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    /// <remarks>Keras' GlobalAveragePooling1D takes a mask (a masked mean); the other global poolings drop it.</remarks>
    public override MaskRule Mask => Type == "GlobalAveragePooling1D" ? MaskRule.Consumes : MaskRule.Drops;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => GlobalPoolingRule.Apply(input, Spatial, Keepdims, DataFormat);
}
