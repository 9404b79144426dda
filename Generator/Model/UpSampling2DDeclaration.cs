using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>UpSampling2D(size, interpolation)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Height">Height factor.</param>
/// <param name="Width">Width factor.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record UpSampling2DDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Height, int Width,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "UpSampling2D";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => UpSampling2DRule.Apply(input, Height, Width, DataFormat);
}
