using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras;

// How the model looks to Keras' saving code: Sequential or Functional, its layers in Keras' order.
public abstract partial class Model
{
    /// <summary>
    /// The graph of a functional (<c>[Model]</c>) model, emitted by the generator; <see langword="null"/>
    /// for a <c>[Sequential]</c> model, whose graph is the chain of its layers in declaration order.
    /// </summary>
    protected virtual ModelGraph? StaticGraph => null;

    /// <summary><see cref="StaticGraph"/> for the runtime's saving and export code.</summary>
    internal ModelGraph? GeneratedGraph => StaticGraph;

    /// <summary>Whether Keras would see this model as a <c>Sequential</c> model (no input layers among its layers).</summary>
    internal bool IsSequential => StaticGraph is null;

    /// <summary>The Keras class of the model: <c>Sequential</c> or <c>Functional</c>.</summary>
    internal string KerasClassName => IsSequential ? "Sequential" : "Functional";

    /// <summary>
    /// The model's layers as Keras' <c>model.layers</c> lists them (inputs aside), by member name:
    /// for a Sequential model its declaration order, for a functional model the order of their first
    /// calls in the graph (layers the outputs do not need are left out, as Keras leaves them out).
    /// </summary>
    /// <exception cref="NotSupportedException">A layer is itself a model; Keras files of nested models are not supported yet.</exception>
    internal IEnumerable<(string Member, nn.Module Layer)> KerasLayers()
    {
        var children = named_children().ToList();
        if (StaticGraph is { } graph)
        {
            var order = graph.Calls.Select(c => c.Layer).Distinct().ToList();
            children = children.Where(c => order.Contains(c.name)).OrderBy(c => order.IndexOf(c.name)).ToList();
        }

        foreach (var (member, layer) in children)
        {
            if (layer is Model)
            {
                throw new NotSupportedException(
                    $"Model '{GetName()}' uses model '{member}' as a layer; Keras files of nested models are not supported yet.");
            }

            yield return (member, layer);
        }
    }

    /// <summary>The model's declared inputs, as Keras' input layers.</summary>
    internal IReadOnlyList<TensorSpec> KerasInputs => Info.Inputs;

    /// <summary>The model's graph: the generator's for a functional model, the chain of its layers for a Sequential one.</summary>
    internal ModelGraph GraphOrChain()
    {
        if (StaticGraph is { } graph)
        {
            return graph;
        }

        var calls = KerasLayers().Select((layer, i) => new LayerCall(layer.Member, [i])).ToList();
        return new ModelGraph([KerasInputs[0].Name], calls, [calls.Count]);
    }
}
