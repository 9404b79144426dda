using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>MaxPooling1D/2D</c> or <c>AveragePooling1D/2D</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Pool">Window per axis.</param>
/// <param name="Strides">Step per axis (the pool size when not given).</param>
/// <param name="Padding">Valid or same.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record PoolingDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type,
    EquatableArray<int> Pool, EquatableArray<int> Strides, PaddingKind Padding,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => PoolingRule.Apply(input, [.. Pool], [.. Strides], Padding, DataFormat);
}
