using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>PositionEmbedding(sequenceLength)</c> (KerasHub's): passes a mask on.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="SequenceLength">The longest sequence it embeds.</param>
internal sealed record PositionEmbeddingDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int SequenceLength)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "PositionEmbedding";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => AttentionRule.PositionEmbedding(input, SequenceLength);
}
