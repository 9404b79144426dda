using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// The order in which Keras 3 lists a functional model's layers (<c>Functional.layers</c>, the
/// order of its <c>config.json</c> and of its weight groups), computed from the generator's graph as
/// Keras' <c>map_graph</c> (<c>keras/src/ops/function.py</c>) computes it: every call is a node; a
/// depth-first walk from each output in turn, each node's inputs in argument order, numbers each
/// layer when first met; a node's depth is the longest path from it to an output, a layer's the
/// largest depth of its nodes; layers are sorted by decreasing depth, then by that number. Inputs
/// are layers too (<c>InputLayer</c>); an input no output needs comes last among depth 0.
/// </summary>
internal static class KerasLayerOrder
{
    /// <summary>One entry of the order: an input (by its index in <see cref="ModelGraph.Inputs"/>) or a layer (by member name).</summary>
    /// <param name="Input">The input's index, or -1 for a layer.</param>
    /// <param name="Layer">The layer's member name, or the input's name.</param>
    internal readonly record struct Entry(int Input, string Layer)
    {
        /// <summary>Whether the entry is one of the model's inputs.</summary>
        public bool IsInput => Input >= 0;
    }

    /// <summary>The inputs and layers of <paramref name="graph"/> in Keras' order.</summary>
    public static List<Entry> Of(ModelGraph graph)
    {
        var inputCount = graph.Inputs.Count;
        // Nodes: 0 .. inputCount-1 are the inputs' nodes, inputCount + k is call k. A value is its node.
        var nodeCount = inputCount + graph.Calls.Count;
        var operation = Enumerable.Range(0, nodeCount)
            .Select(n => n < inputCount ? new Entry(n, graph.Inputs[n]) : new Entry(-1, graph.Calls[n - inputCount].Layer))
            .ToArray();
        IReadOnlyList<int> Parents(int node) => node < inputCount ? [] : graph.Calls[node - inputCount].Inputs;

        // _build_map: nodes in post-order (inputs -> outputs), layers numbered in pre-order.
        var finished = new HashSet<int>();
        var postOrder = new List<int>();
        var traversal = new Dictionary<Entry, int>();
        void Visit(int node)
        {
            if (finished.Contains(node))
            {
                return;
            }

            traversal.TryAdd(operation[node], traversal.Count);
            foreach (var parent in Parents(node))
            {
                Visit(parent);
            }

            finished.Add(node);
            postOrder.Add(node);
        }

        foreach (var output in graph.Outputs)
        {
            Visit(output);
        }

        // map_graph: depths from the outputs back; a layer keeps the largest depth of its nodes.
        var nodeDepth = new Dictionary<int, int>();
        var depth = new Dictionary<Entry, int>();
        var inserted = new List<Entry>();
        for (var i = postOrder.Count - 1; i >= 0; i--)
        {
            var node = postOrder[i];
            var d = nodeDepth.GetValueOrDefault(node);
            if (depth.TryGetValue(operation[node], out var previous))
            {
                d = System.Math.Max(d, previous);
            }
            else
            {
                inserted.Add(operation[node]);
            }

            depth[operation[node]] = d;
            nodeDepth[node] = d;
            foreach (var parent in Parents(node))
            {
                nodeDepth[parent] = System.Math.Max(d + 1, nodeDepth.GetValueOrDefault(parent));
            }
        }

        // Inputs no output needs: depth 0, numbered -1 (Keras keeps them as input layers).
        for (var i = 0; i < inputCount; i++)
        {
            if (!depth.ContainsKey(operation[i]))
            {
                depth[operation[i]] = 0;
                traversal[operation[i]] = -1;
                inserted.Add(operation[i]);
            }
        }

        // Sorted by decreasing depth, then by traversal number (a stable sort, as Python's).
        return inserted.Select((entry, i) => (entry, i))
            .OrderByDescending(e => depth[e.entry])
            .ThenBy(e => traversal[e.entry])
            .ThenBy(e => e.i)
            .Select(e => e.entry)
            .ToList();
    }
}
