using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model.Graph;

/// <summary>
/// A <c>[Graph]</c> method read as a graph of plain values. Tensors are numbered: the inputs are
/// values <c>0 .. Inputs.Count - 1</c> and node <c>k</c> produces value <c>Inputs.Count + k</c>.
/// Nodes are in statement order, which straight-line code makes a topological order.
/// </summary>
/// <param name="MethodName">The method's name, for messages.</param>
/// <param name="Inputs">The model's inputs, in parameter order.</param>
/// <param name="Nodes">The layer calls, in evaluation order.</param>
/// <param name="Outputs">The returned tensors.</param>
internal sealed record GraphDeclaration(
    string MethodName,
    EquatableArray<GraphInput> Inputs,
    EquatableArray<GraphNode> Nodes,
    EquatableArray<GraphOutput> Outputs)
{
    /// <summary>Whether value <paramref name="value"/> is a model input.</summary>
    public bool IsInput(int value) => value < Inputs.Count;

    /// <summary>The node that produces <paramref name="value"/>; only valid when it is not an input.</summary>
    public GraphNode NodeOf(int value) => Nodes[value - Inputs.Count];

    /// <summary>The value node <paramref name="index"/> produces.</summary>
    public int ValueOf(int index) => Inputs.Count + index;

    /// <summary>
    /// Which values the outputs depend on (Keras builds a model from the nodes between its inputs
    /// and outputs; calls whose results reach no output are not part of it).
    /// </summary>
    public HashSet<int> LiveValues()
    {
        var live = new HashSet<int>();
        var pending = new Stack<int>(Outputs.Select(o => o.Value));
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            if (live.Add(value) && !IsInput(value))
            {
                foreach (var input in NodeOf(value).Inputs)
                {
                    pending.Push(input);
                }
            }
        }

        return live;
    }

    /// <summary>The indexes of the nodes that are part of the model, in evaluation order.</summary>
    public IEnumerable<int> LiveNodes()
    {
        var live = LiveValues();
        return Enumerable.Range(0, Nodes.Count).Where(i => live.Contains(ValueOf(i)));
    }
}
