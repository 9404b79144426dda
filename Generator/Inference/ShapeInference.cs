using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// The pipeline's second step: runs each node's shape rule in graph order (for a Sequential model,
/// each layer from the input to the output), checks that every call of a shared layer fits the
/// weights of its first call (STK1030), reports the first shape error (STK1xxx) at the argument,
/// call or layer that caused it, and checks the losses against the outputs (STK2xxx).
/// </summary>
internal static class ShapeInference
{
    /// <summary>Infers the shapes of every node; never throws except on cancellation.</summary>
    public static InferredModel Infer(ModelDeclaration model, CancellationToken cancellationToken) =>
        GeneratorGuard.Run(
            () => InferShapes(model),
            exception => new InferredModel(
                model,
                EquatableArray<NodeShape>.Empty,
                model.Diagnostics.Append(GeneratorGuard.Failure("inferring shapes of", model.Type.Name, model.Location, exception)).ToEquatableArray()));

    private static InferredModel InferShapes(ModelDeclaration model)
    {
        var diagnostics = model.Diagnostics.ToList();
        var nodes = new List<NodeShape>();
        if (model.CanGenerate && model.Graph is { } graph)
        {
            diagnostics.AddRange(GraphUsage.Check(model.Layers, graph));
            var firstCalls = new Dictionary<string, NodeShape>();
            foreach (var node in graph.Nodes)
            {
                // One mistake, one error: inference stops at the first call it cannot follow.
                if (InferNode(model, graph, node, nodes, firstCalls, diagnostics) is not { } result)
                {
                    break;
                }

                nodes.Add(result);
            }

            if (nodes.Count == graph.Nodes.Count)
            {
                diagnostics.AddRange(OutputCompileChecks.Check(model, graph, v => graph.IsInput(v) ? graph.Inputs[v].Shape : nodes[v - graph.Inputs.Count].Output));
            }
        }

        return new InferredModel(model, nodes.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static NodeShape? InferNode(
        ModelDeclaration model, GraphDeclaration graph, GraphNode node, List<NodeShape> nodes, Dictionary<string, NodeShape> firstCalls, List<DiagnosticInfo> diagnostics)
    {
        var layer = model.Layer(node.Layer);
        if (layer is null or UnresolvedDeclaration)
        {
            return null;
        }

        var inputs = node.Inputs.Select(v => graph.IsInput(v) ? graph.Inputs[v].Shape : nodes[v - graph.Inputs.Count].Output).ToList();
        if (layer is EmbeddingDeclaration && IndexInputCheck.Check(layer, Producers(model, graph, node)) is { } indices)
        {
            diagnostics.Add(indices);
            return null;
        }

        var result = NodeRules.Apply(layer, inputs);
        if (result.Output is not { } output)
        {
            diagnostics.Add(ShapeDiagnostics.For(layer, result.Error!, node.Location));
            return null;
        }

        var shape = new NodeShape(inputs.ToEquatableArray(), output, result.Weights);
        if (!firstCalls.TryGetValue(layer.Name, out var first))
        {
            firstCalls[layer.Name] = shape;
        }
        else if (first.Weights != shape.Weights)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SharedLayerWeights, node.Location, layer.TypeName, layer.Name,
                Describe(first.Inputs), Describe(first.Weights), Describe(shape.Inputs), Describe(shape.Weights)));
            return null;
        }

        return shape;
    }

    // The layers that produced a node's (first) input, back to the model input: what
    // IndexInputCheck needs (walked only for an Embedding, so a long chain stays linear) to tell an Embedding fed by the input from one fed by floats.
    private static IEnumerable<LayerDeclaration> Producers(ModelDeclaration model, GraphDeclaration graph, GraphNode node)
    {
        var chain = new List<LayerDeclaration>();
        for (var value = node.Inputs[0]; !graph.IsInput(value); value = graph.NodeOf(value).Inputs[0])
        {
            chain.Add(model.Layer(graph.NodeOf(value).Layer)!);
        }

        chain.Reverse();
        return chain;
    }

    private static string Describe(IEnumerable<Shape> shapes) => string.Join(" and ", shapes);

    private static string Describe(EquatableArray<WeightSpec> weights) =>
        weights.Count == 0 ? "no weights" : string.Join(", ", weights);
}
