using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Conv1D</c>, <c>Conv2D</c> or <c>Conv2DTranspose</c>, with one entry per spatial axis in each size.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Type">The layer's type name.</param>
/// <param name="Filters">Output channels.</param>
/// <param name="Kernel">Window per axis.</param>
/// <param name="Strides">Step per axis.</param>
/// <param name="Dilation">Dilation per axis.</param>
/// <param name="Padding">Valid, same or causal.</param>
/// <param name="Groups">Channel groups (1 for Conv2DTranspose).</param>
/// <param name="Activation">Applied to the output (not split off for a fused loss).</param>
/// <param name="UseBias">Whether there is a bias.</param>
/// <param name="OutputPadding">Conv2DTranspose's output padding, empty when Keras infers the size.</param>
/// <param name="DataFormat">Where the channel axis is.</param>
internal sealed record ConvDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, string Type, int Filters,
    EquatableArray<int> Kernel, EquatableArray<int> Strides, EquatableArray<int> Dilation, PaddingKind Padding, int Groups,
    ActivationKind Activation, bool UseBias, EquatableArray<int> OutputPadding,
    DataFormatKind DataFormat = DataFormatKind.ChannelsLast)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Type;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input)
    {
        var spec = new ConvSpec(
            Filters, [.. Kernel], [.. Strides], [.. Dilation], Padding, Groups, UseBias, OutputPadding.Count > 0 ? [.. OutputPadding] : null, DataFormat);
        return Type == "Conv2DTranspose" ? ConvTransposeRule.Apply(input, spec) : ConvRule.Apply(input, spec);
    }
}
