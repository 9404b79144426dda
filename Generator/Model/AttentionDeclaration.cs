using System.Collections.Generic;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// Keras' Luong-style <c>Attention(useScale, scoreMode, dropout, useCausalMask)</c>, called in a graph as
/// <c>attention.Call(query, value)</c> or <c>attention.Call(query, value, key)</c>; gets <c>training</c>
/// (dropout on the attention weights) and the inputs' masks, and passes the query's mask on.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="ScoreMode">How scores are computed.</param>
/// <param name="UseScale">Whether a learned scalar scales the scores.</param>
internal sealed record AttentionDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, AttentionScoreKind ScoreMode, bool UseScale)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Attention";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Attends;

    /// <inheritdoc/>
    public override bool UsesTraining => true;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => Apply([input]);

    /// <inheritdoc/>
    public override ShapeResult Apply(IReadOnlyList<Shape> inputs) => LuongAttentionRule.Apply(inputs, ScoreMode, UseScale);
}
