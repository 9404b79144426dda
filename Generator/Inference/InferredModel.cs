using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>A model with the shapes of every node of its graph: the input of emission.</summary>
/// <param name="Declaration">What was read.</param>
/// <param name="Nodes">The shapes of the graph's nodes, in order, as far as inference got.</param>
/// <param name="Diagnostics">Every diagnostic for the model: reading's and inference's.</param>
internal sealed record InferredModel(ModelDeclaration Declaration, EquatableArray<NodeShape> Nodes, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether every node has shapes and nothing reported an error: the members can be generated in full.</summary>
    public bool IsComplete =>
        Declaration.Graph is { } graph
        && Nodes.Count == graph.Nodes.Count
        && Declaration.CompilerErrors.Count == 0
        && !Diagnostics.Any(d => d.IsError);

    /// <summary>The graph; only valid when <see cref="IsComplete"/>.</summary>
    public GraphDeclaration Graph => Declaration.Graph!;

    /// <summary>The static shape of value <paramref name="value"/>; only valid when <see cref="IsComplete"/>.</summary>
    public Shape ShapeOf(int value) => Graph.IsInput(value) ? Graph.Inputs[value].Shape : Nodes[value - Graph.Inputs.Count].Output;

    /// <summary>The layer node <paramref name="index"/> calls.</summary>
    public LayerDeclaration LayerOf(int index) => Declaration.Layer(Graph.Nodes[index].Layer)!;

    /// <summary>
    /// The layers that are part of the model (called by a node an output depends on), in declaration
    /// order, each with the shapes of its first call (which builds its weights).
    /// </summary>
    public IReadOnlyList<(LayerDeclaration Layer, NodeShape FirstCall)> LiveLayers()
    {
        var first = new Dictionary<string, NodeShape>(System.StringComparer.Ordinal);
        foreach (var index in Graph.LiveNodes())
        {
            if (!first.ContainsKey(Graph.Nodes[index].Layer))
            {
                first[Graph.Nodes[index].Layer] = Nodes[index];
            }
        }

        return Declaration.Layers.Where(l => first.ContainsKey(l.Name)).Select(l => (l, first[l.Name])).ToList();
    }

    /// <summary>What keeps the model from being generated in full: error ids in order, then compiler problems.</summary>
    public string ErrorSummary
    {
        get
        {
            var problems = Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct().Concat(Declaration.CompilerErrors).ToList();
            return problems.Count > 0 ? string.Join(", ", problems) : "shapes could not be inferred";
        }
    }
}
