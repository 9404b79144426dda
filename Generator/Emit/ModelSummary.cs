using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// The summary of a model as Keras prints it. A Sequential model: one row per layer. A functional
/// model: an <c>InputLayer</c> row per input, then one row per layer in the order the graph first
/// calls it (a shared layer once, its parameters counted once, its output shape that of its last
/// call). Keras adds the <c>Connected to</c> column unless the graph is a plain chain (one input,
/// every layer called once on one tensor, every tensor used once), which it prints in the
/// Sequential layout. Linear in the number of nodes.
/// </summary>
internal static class ModelSummary
{
    /// <summary>The Keras-format summary text of <paramref name="model"/>.</summary>
    public static string Render(InferredModel model)
    {
        var graph = model.Graph;
        var live = graph.LiveNodes();
        var calls = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var index in live)
        {
            var layer = graph.Nodes[index].Layer;
            if (!calls.TryGetValue(layer, out var list))
            {
                calls[layer] = list = [];
                order.Add(layer);
            }

            list.Add(index);
        }

        var sequential = model.Declaration.Kind == ModelKind.Sequential;
        var rows = sequential ? [] : graph.Inputs.Select(i => new ConnectedRow(i.Name + " (InputLayer)", i.Shape.ToKerasString(), 0, "-")).ToList();
        var callIndex = CallIndexes(graph);
        var trainable = 0L;
        foreach (var name in order)
        {
            var layer = model.Declaration.Layer(name)!;
            var layerCalls = calls[name];
            var weights = model.Nodes[layerCalls[0]].Weights;
            trainable += weights.Where(w => w.Trainable).Sum(w => w.Count);
            rows.Add(new ConnectedRow(
                $"{layer.Name} ({layer.TypeName})",
                model.Nodes[layerCalls[layerCalls.Count - 1]].Output.ToKerasString(),
                weights.Sum(w => w.Count),
                sequential ? string.Empty : string.Join(", ", layerCalls.SelectMany(i => graph.Nodes[i].Inputs).Select(v => Reference(graph, callIndex, v)))));
        }

        var modelName = model.Declaration.Type.Name;
        var nonTrainable = rows.Sum(r => r.Parameters) - trainable;
        return sequential || IsChain(graph, live)
            ? SummaryTable.Render(modelName, rows.Select(r => new SummaryRow(r.Layer, r.OutputShape, r.Parameters)).ToList(), trainable, nonTrainable)
            : SummaryTable.RenderConnected(modelName, rows, trainable, nonTrainable);
    }

    // For each node, which call of its layer it is (0 for the first), over every node of the graph.
    private static int[] CallIndexes(GraphDeclaration graph)
    {
        var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var indexes = new int[graph.Nodes.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            var layer = graph.Nodes[i].Layer;
            indexes[i] = seen.TryGetValue(layer, out var count) ? count : 0;
            seen[layer] = indexes[i] + 1;
        }

        return indexes;
    }

    // Keras' `layer[node_index][tensor_index]`: which call of the producing layer made the tensor.
    private static string Reference(GraphDeclaration graph, int[] callIndex, int value)
    {
        if (graph.IsInput(value))
        {
            return graph.Inputs[value].Name + "[0][0]";
        }

        var index = value - graph.Inputs.Count;
        return $"{graph.Nodes[index].Layer}[{callIndex[index]}][0]";
    }

    private static bool IsChain(GraphDeclaration graph, IReadOnlyList<int> live)
    {
        var layers = new HashSet<string>(System.StringComparer.Ordinal);
        var consumed = new HashSet<int>();
        foreach (var node in live.Select(i => graph.Nodes[i]))
        {
            if (node.Inputs.Count != 1 || !layers.Add(node.Layer) || !consumed.Add(node.Inputs[0]))
            {
                return false;
            }
        }

        return graph.Inputs.Count == 1;
    }
}
