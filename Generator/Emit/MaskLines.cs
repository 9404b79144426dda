using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Keras' masks in the forward pass (<see cref="MaskFlow"/> decides statically which values carry
/// one): a layer that makes a mask gets a line after its call, a layer that uses one gets it as
/// <c>mask:</c>, and a layer that passes one on just hands the same name to the next node.
/// </summary>
internal sealed class MaskLines
{
    // var x1 = embed.Call(inputs);                    // (batch, 20, 8)
    // var mask1 = embed.ComputeMask(inputs);          // mask (batch, 20)
    // var x2 = lstm.Call(x1, mask: mask1);            // (batch, 20, 12)
    // var x3 = gap.Call(x2, mask: mask1);             // (batch, 12)
    // var mask2 = global::StaticKeras.Layers.Masks.Or(mask1, mask3);  // a merge of masked inputs
    private readonly InferredModel _model;
    private readonly bool[] _masked;
    private readonly Dictionary<int, (string Name, Shape Shape)> _masks = new();

    /// <summary>Follows the masks of <paramref name="model"/>'s graph.</summary>
    public MaskLines(InferredModel model)
    {
        _model = model;
        _masked = MaskFlow.Of(model.Graph, model.Declaration.Layer);
    }

    /// <summary>Whether any value of the graph carries a mask.</summary>
    public bool Any => _masked.Any(m => m);

    /// <summary>The name of the mask travelling with <paramref name="value"/>, or <see langword="null"/> when it has none.</summary>
    public string? NameOf(int value) => _masks.TryGetValue(value, out var mask) ? mask.Name : null;

    /// <summary>The call's arguments, with <c>, mask: maskN</c> added when <paramref name="layer"/> takes its first input's mask.</summary>
    public string Arguments(LayerDeclaration layer, GraphNode node, string arguments)
    {
        if (layer.Mask == MaskRule.Attends)
        {
            return AttentionArguments(node, arguments);
        }

        return MaskFlow.TakesMask(layer.Mask) && node.Inputs.Count > 0 && NameOf(node.Inputs[0]) is { } mask ? $"{arguments}, mask: {mask}" : arguments;
    }

    // mha.Call(q, v[, k]), or with masks mha.Call(q, v, k or null, queryMask: m1, valueMask: m2, keyMask: m3):
    // each input's mask by name, the key's only when a key is given (Keras ignores it otherwise).
    private string AttentionArguments(GraphNode node, string arguments)
    {
        string[] names = ["queryMask", "valueMask", "keyMask"];
        var masks = node.Inputs.Select((v, i) => (Name: names[i], Mask: NameOf(v))).Where(m => m.Mask is not null).ToList();
        if (masks.Count == 0)
        {
            return arguments;
        }

        var key = node.Inputs.Count == 2 ? ", null" : string.Empty;
        return arguments + key + string.Concat(masks.Select(m => $", {m.Name}: {m.Mask}"));
    }

    /// <summary>
    /// After node <paramref name="index"/>'s call line: the line computing its output's mask when the
    /// layer makes one (null otherwise), and the output's mask recorded for the nodes after it.
    /// </summary>
    public CodeLine? After(int index, LayerDeclaration layer, string reference, string arguments)
    {
        var graph = _model.Graph;
        var node = graph.Nodes[index];
        var value = graph.ValueOf(index);
        if (!_masked[value])
        {
            return null;
        }

        switch (layer.Mask)
        {
            case MaskRule.Produces:
            {
                var input = _model.ShapeOf(node.Inputs[0]);
                // Embedding's mask has its input's shape; Masking's drops the feature axis.
                var shape = layer is MaskingDeclaration ? new Shape(input.Dims.Take(input.Rank - 1).ToEquatableArray()) : input;
                var name = Record(value, shape);
                return new CodeLine($"var {name} = {reference}.ComputeMask({arguments});", "mask " + shape);
            }

            case MaskRule.Merges:
            {
                var first = _masks[node.Inputs[0]];
                var distinct = node.Inputs.Select(v => _masks[v].Name).Distinct().ToList();
                if (distinct.Count == 1)
                {
                    _masks[value] = first;   // x OR x is x: branches of one masked tensor merged again
                    return null;
                }

                var name = Record(value, first.Shape);
                var masks = string.Join(", ", distinct);
                return new CodeLine($"var {name} = global::StaticKeras.Layers.Masks.Or({masks});", "mask " + first.Shape);
            }

            default:
                _masks[value] = _masks[node.Inputs[0]];
                return null;
        }
    }

    private string Record(int value, Shape shape)
    {
        var name = "mask" + (_masks.Values.Select(m => m.Name).Distinct().Count() + 1);
        _masks[value] = (name, shape);
        return name;
    }
}
