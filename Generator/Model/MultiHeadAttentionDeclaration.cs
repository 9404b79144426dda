using System.Collections.Generic;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// <c>MultiHeadAttention(numHeads, keyDim, valueDim, dropout, useBias, outputShape, useCausalMask)</c>,
/// called in a graph as <c>mha.Call(query, value)</c> or <c>mha.Call(query, value, key)</c>; gets
/// <c>training</c> (dropout on the attention weights).
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Attention">The arguments that shape the layer.</param>
internal sealed record MultiHeadAttentionDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, AttentionSpec Attention)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "MultiHeadAttention";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Attends;

    /// <inheritdoc/>
    public override bool UsesTraining => true;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => Apply([input]);

    /// <inheritdoc/>
    public override ShapeResult Apply(IReadOnlyList<Shape> inputs) => AttentionRule.MultiHead(inputs, Attention);
}
