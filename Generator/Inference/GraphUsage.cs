using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// The structural warnings of a graph: a layer member no output depends on (STK0066) and an input
/// that reaches no output (STK0067). Keras builds a model from the nodes between its inputs and
/// outputs, so neither would be part of it.
/// </summary>
internal static class GraphUsage
{
    /// <summary>The warnings for <paramref name="graph"/> over <paramref name="layers"/>.</summary>
    public static IEnumerable<DiagnosticInfo> Check(IEnumerable<LayerDeclaration> layers, GraphDeclaration graph)
    {
        var live = graph.LiveValues();
        var used = new HashSet<string>(graph.LiveNodes().Select(i => graph.Nodes[i].Layer));
        foreach (var layer in layers.Where(l => l is not UnresolvedDeclaration && !used.Contains(l.Name)))
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnusedGraphLayer, layer.Location, layer.Name, graph.MethodName);
        }

        for (var i = 0; i < graph.Inputs.Count; i++)
        {
            if (!live.Contains(i))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnreachedInput, graph.Inputs[i].Location, graph.Inputs[i].Name, graph.MethodName);
            }
        }
    }
}
