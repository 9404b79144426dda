using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>ZeroPadding2D</c>, as (top, bottom, left, right).</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Top">Rows added above.</param>
/// <param name="Bottom">Rows added below.</param>
/// <param name="Left">Columns added left.</param>
/// <param name="Right">Columns added right.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record ZeroPadding2DDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Top, int Bottom, int Left, int Right,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "ZeroPadding2D";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ZeroPadding2DRule.Apply(input, Top, Bottom, Left, Right, DataFormat);
}
