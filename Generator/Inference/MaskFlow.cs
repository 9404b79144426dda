using System;
using System.Linq;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// Follows Keras' masks through a graph at build time: which values carry a mask. Keras attaches a
/// mask to a tensor at run time (<c>_keras_mask</c>); StaticKeras knows statically where one is,
/// so the generated code computes a mask only where a layer makes one and passes it only to the
/// layers that use it. Pure: a graph and its layers in, one flag per value out.
/// </summary>
internal static class MaskFlow
{
    /// <summary>
    /// For every value of <paramref name="graph"/> (inputs first, then nodes), whether a mask travels
    /// with it. Model inputs carry none; each node applies its layer's <see cref="MaskRule"/>.
    /// </summary>
    public static bool[] Of(GraphDeclaration graph, Func<string, LayerDeclaration?> layerNamed)
    {
        var masked = new bool[graph.Inputs.Count + graph.Nodes.Count];
        for (var index = 0; index < graph.Nodes.Count; index++)
        {
            var node = graph.Nodes[index];
            var inputs = node.Inputs.Select(v => masked[v]).ToArray();
            masked[graph.ValueOf(index)] = layerNamed(node.Layer) is { } layer && Carries(layer.Mask, inputs);
        }

        return masked;
    }

    /// <summary>Whether a layer with <paramref name="rule"/> outputs a mask, given which of its inputs carry one.</summary>
    public static bool Carries(MaskRule rule, bool[] inputs) => rule switch
    {
        MaskRule.Produces => true,
        MaskRule.Propagates or MaskRule.ConsumesAndPropagates or MaskRule.Attends => inputs.Length > 0 && inputs[0],
        MaskRule.Merges => inputs.Length > 0 && inputs.All(m => m),
        _ => false,
    };

    /// <summary>Whether a layer with <paramref name="rule"/> is called with its input's mask.</summary>
    public static bool TakesMask(MaskRule rule) => rule is MaskRule.Consumes or MaskRule.ConsumesAndPropagates;
}
