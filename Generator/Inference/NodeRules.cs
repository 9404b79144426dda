using System;
using System.Collections.Generic;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// Sends a node (a layer called on its input tensors) to its layer's shape rule under Shapes/: a
/// merge layer's tensors to the merge rules, one tensor to the rule of its layer family.
/// </summary>
internal static class NodeRules
{
    /// <summary>The rule's verdict for <paramref name="layer"/> called on <paramref name="inputs"/>.</summary>
    public static ShapeResult Apply(LayerDeclaration layer, IReadOnlyList<Shape> inputs) => layer switch
    {
        MergeDeclaration merge => MergeRules.Apply(merge.MergeType, inputs, merge.Axis),
        RuleLayerDeclaration rule => rule.Apply(inputs),
        _ when inputs.Count == 1 => Apply(layer, inputs[0]),
        _ => throw new ArgumentException($"{layer.TypeName} '{layer.Name}' takes one tensor, called on {inputs.Count}", nameof(inputs)),
    };

    private static ShapeResult Apply(LayerDeclaration layer, Shape input) => layer switch
    {
        FlattenDeclaration => FlattenRule.Apply(input),
        DenseDeclaration dense => DenseRule.Apply(input, dense.Units, dense.UseBias),
        DropoutDeclaration drop => DropoutRule.Apply(input, [.. drop.NoiseShape]),
        ActivationDeclaration => ActivationRule.Apply(input),
        RuleLayerDeclaration rule => rule.Apply(input),
        CustomLayerDeclaration custom => CustomLayerRule.Apply(input, custom.Contract, custom.Arguments),
        NestedModelDeclaration nested => NestedModelRule.Apply(input, nested.Input, nested.Output, nested.Trainable, nested.NonTrainable),
        _ => throw new ArgumentException($"no shape rule for {layer.GetType().Name}", nameof(layer)),
    };
}
