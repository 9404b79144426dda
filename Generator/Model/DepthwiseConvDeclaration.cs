using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>DepthwiseConv2D</c> or <c>SeparableConv2D</c>, with one entry per spatial axis in each size.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Filters">SeparableConv2D's output channels; <see langword="null"/> for DepthwiseConv2D.</param>
/// <param name="Kernel">Depthwise window per axis.</param>
/// <param name="Strides">Step per axis.</param>
/// <param name="Dilation">Dilation per axis.</param>
/// <param name="Padding">Valid or same.</param>
/// <param name="DepthMultiplier">Depthwise channels per input channel.</param>
/// <param name="Activation">Applied to the output.</param>
/// <param name="UseBias">Whether there is a bias.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record DepthwiseConvDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type, int? Filters,
    EquatableArray<int> Kernel, EquatableArray<int> Strides, EquatableArray<int> Dilation, PaddingKind Padding, int DepthMultiplier,
    ActivationKind Activation, bool UseBias, DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) =>
        DepthwiseConvRule.Apply(input, Filters, [.. Kernel], [.. Strides], [.. Dilation], Padding, DepthMultiplier, UseBias, DataFormat);
}
