using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

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
    private (HashSet<int> Values, List<int> Nodes)? _live;

    /// <summary>
    /// The graph of a Sequential model: its input (called <c>inputs</c>) and node <c>i</c> calling
    /// layer <c>i</c> on node <c>i - 1</c>'s output; the output is the last layer's, named after it.
    /// </summary>
    public static GraphDeclaration Chain(Shape input, SourceLocation classLocation, IReadOnlyList<LayerDeclaration> layers)
    {
        var nodes = new GraphNode[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            nodes[i] = new GraphNode(layers[i].Name, EquatableArray.Of(i), null);
        }

        var last = layers[layers.Count - 1];
        return new GraphDeclaration(
            "Sequential",
            EquatableArray.Of(new GraphInput("inputs", input, classLocation)),
            new EquatableArray<GraphNode>(nodes),
            EquatableArray.Of(new GraphOutput(last.Name, layers.Count, last.Location)));
    }

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
    public IReadOnlyCollection<int> LiveValues() => Live().Values;

    /// <summary>The indexes of the nodes that are part of the model, in evaluation order.</summary>
    public IReadOnlyList<int> LiveNodes() => Live().Nodes;

    /// <summary>Equality over the graph's values only (the live sets are a cache).</summary>
    public bool Equals(GraphDeclaration? other) =>
        other is not null && MethodName == other.MethodName && Inputs == other.Inputs && Nodes == other.Nodes && Outputs == other.Outputs;

    /// <inheritdoc/>
    public override int GetHashCode() => (MethodName, Inputs, Nodes, Outputs).GetHashCode();

    // Computed once per graph: the emitters ask for it many times.
    private (HashSet<int> Values, List<int> Nodes) Live()
    {
        if (_live is { } live)
        {
            return live;
        }

        var values = new HashSet<int>();
        var pending = new Stack<int>(Outputs.Select(o => o.Value));
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            if (values.Add(value) && !IsInput(value))
            {
                foreach (var input in NodeOf(value).Inputs)
                {
                    pending.Push(input);
                }
            }
        }

        _live = (values, Enumerable.Range(0, Nodes.Count).Where(i => values.Contains(ValueOf(i))).ToList());
        return _live.Value;
    }
}
