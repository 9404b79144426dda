using System;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>Sends each kind of layer declaration to its shape rule under Shapes/.</summary>
internal static class LayerRules
{
    /// <summary>The rule's verdict for <paramref name="layer"/> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(LayerDeclaration layer, Shape input) => layer switch
    {
        FlattenDeclaration => FlattenRule.Apply(input),
        DenseDeclaration dense => DenseRule.Apply(input, dense.Units, dense.UseBias),
        DropoutDeclaration => DropoutRule.Apply(input),
        ActivationDeclaration => ActivationRule.Apply(input),
        RuleLayerDeclaration rule => rule.Apply(input),
        CustomLayerDeclaration custom => CustomLayerRule.Apply(input, custom.Contract, custom.Arguments),
        _ => throw new ArgumentException($"no shape rule for {layer.GetType().Name}", nameof(layer)),
    };
}
