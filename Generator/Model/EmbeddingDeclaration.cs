using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Embedding(inputDim, outputDim, maskZero)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="InputDim">The vocabulary size.</param>
/// <param name="OutputDim">The vector size.</param>
/// <param name="MaskZero">Whether index 0 is padding: the layer then makes a mask (<c>inputs != 0</c>).</param>
internal sealed record EmbeddingDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int InputDim, int OutputDim, bool MaskZero = false)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Embedding";

    /// <inheritdoc/>
    /// <remarks>Keras' Embedding.compute_mask: <c>inputs != 0</c> with <c>mask_zero</c>, else no mask (an incoming one is not passed on).</remarks>
    public override MaskRule Mask => MaskZero ? MaskRule.Produces : MaskRule.Drops;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => EmbeddingRule.Apply(input, InputDim, OutputDim);
}
