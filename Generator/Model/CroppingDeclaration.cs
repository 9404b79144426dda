using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Cropping1D(cropping)</c> or <c>Cropping2D(height, width)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Crops">(start, end) per spatial axis: (start, end) or (top, bottom, left, right).</param>
/// <param name="Parameters">The argument each axis' cropping is written in.</param>
/// <param name="DataFormat">Where the channel axis is (Cropping2D; Keras' Cropping1D has no data_format).</param>
internal sealed record CroppingDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type, EquatableArray<int> Crops, EquatableArray<string> Parameters,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => CroppingRule.Apply(input, [.. Crops], [.. Parameters], DataFormat);
}
