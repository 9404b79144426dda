using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Inference.Graph;

namespace StaticKeras.Generator.Emit.Graph;

/// <summary>
/// The summary of a functional model as Keras prints it: an <c>InputLayer</c> row per input, then
/// one row per layer in the order the graph first calls it (a shared layer once, its parameters
/// counted once, its output shape that of its last call). Keras adds the <c>Connected to</c>
/// column unless the graph is a plain chain (one input, every layer called once on one tensor,
/// every tensor used once), which it prints in the Sequential layout.
/// </summary>
internal static class GraphSummary
{
    /// <summary>The Keras-format summary text of <paramref name="model"/>.</summary>
    public static string Render(InferredGraphModel model)
    {
        var graph = model.Graph;
        var live = graph.LiveNodes().ToList();
        var rows = graph.Inputs.Select(i => new ConnectedRow(i.Name + " (InputLayer)", i.Shape.ToKerasString(), 0, "-")).ToList();
        var trainable = 0L;
        foreach (var layer in live.Select(i => graph.Nodes[i].Layer).Distinct().Select(name => model.Declaration.Layer(name)!))
        {
            var calls = live.Where(i => graph.Nodes[i].Layer == layer.Name).ToList();
            var weights = model.Nodes[calls[0]].Weights;
            trainable += weights.Where(w => w.Trainable).Sum(w => w.Count);
            rows.Add(new ConnectedRow(
                $"{layer.Name} ({layer.TypeName})",
                model.Nodes[calls[calls.Count - 1]].Output.ToKerasString(),
                weights.Sum(w => w.Count),
                string.Join(", ", calls.SelectMany(i => graph.Nodes[i].Inputs).Select(v => Reference(model, v)))));
        }

        var name = model.Declaration.Type.Name;
        var nonTrainable = rows.Sum(r => r.Parameters) - trainable;
        return IsChain(model, live)
            ? SummaryTable.Render(name, rows.Select(r => new SummaryRow(r.Layer, r.OutputShape, r.Parameters)).ToList(), trainable, nonTrainable)
            : SummaryTable.RenderConnected(name, rows, trainable, nonTrainable);
    }

    // Keras' `layer[node_index][tensor_index]`: which call of the producing layer made the tensor.
    private static string Reference(InferredGraphModel model, int value)
    {
        var graph = model.Graph;
        if (graph.IsInput(value))
        {
            return graph.Inputs[value].Name + "[0][0]";
        }

        var index = value - graph.Inputs.Count;
        var layer = graph.Nodes[index].Layer;
        var call = graph.Nodes.Take(index).Count(n => n.Layer == layer);
        return $"{layer}[{call}][0]";
    }

    private static bool IsChain(InferredGraphModel model, IReadOnlyList<int> live)
    {
        var graph = model.Graph;
        var nodes = live.Select(i => graph.Nodes[i]).ToList();
        var consumed = nodes.SelectMany(n => n.Inputs).ToList();
        return graph.Inputs.Count == 1
            && nodes.All(n => n.Inputs.Count == 1)
            && nodes.Select(n => n.Layer).Distinct().Count() == nodes.Count
            && consumed.Distinct().Count() == consumed.Count;
    }
}
