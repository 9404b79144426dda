using System;
using System.Collections.Generic;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;

namespace StaticKeras.Generator.Inference.Graph;

/// <summary>
/// Sends a graph call to its layer's shape rule: a merge layer's tensors to the merge rules, one
/// input to the layer rules shared with Sequential models.
/// </summary>
internal static class NodeRules
{
    /// <summary>The rule's verdict for <paramref name="layer"/> called on <paramref name="inputs"/>.</summary>
    public static ShapeResult Apply(LayerDeclaration layer, IReadOnlyList<Shape> inputs) => layer switch
    {
        MergeDeclaration merge => MergeRules.Apply(merge.MergeType, inputs, merge.Axis),
        NestedModelDeclaration nested when inputs.Count == 1 =>
            NestedModelRule.Apply(inputs[0], nested.Input, nested.Output, nested.Trainable, nested.NonTrainable),
        _ when inputs.Count == 1 => LayerRules.Apply(layer, inputs[0]),
        _ => throw new ArgumentException($"{layer.TypeName} '{layer.Name}' takes one tensor, called on {inputs.Count}", nameof(inputs)),
    };
}
