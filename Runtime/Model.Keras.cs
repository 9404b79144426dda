using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Saving.Keras;
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
    /// The model's layers as Keras' <c>model.layers</c> lists them (inputs aside; a model used as a layer is one), by member name:
    /// for a Sequential model its declaration order, for a functional model Keras' depth order
    /// (<see cref="KerasLayerOrder"/>; layers the outputs do not need are left out, as Keras leaves them out).
    /// </summary>
    internal IEnumerable<(string Member, nn.Module Layer)> KerasLayers() =>
        KerasLayersAndInputs().Where(l => l.Layer is not null).Select(l => (l.Name, l.Layer!));

    /// <summary>
    /// Keras' <c>model.layers</c> with the inputs in their places: a functional model's input layers
    /// (<c>Layer</c> <see langword="null"/>, <c>Name</c> the input's name) sort among its layers by
    /// depth, as Keras writes them in <c>config.json</c>; a Sequential model has none.
    /// </summary>
    internal IReadOnlyList<(string Name, nn.Module? Layer)> KerasLayersAndInputs()
    {
        var children = named_children().ToDictionary(c => c.name, c => c.module);
        var order = StaticGraph is { } graph
            ? KerasLayerOrder.Of(graph).Select(e => (e.Layer, e.IsInput ? null : children[e.Layer])).ToList()
            : children.Select(c => (c.Key, (nn.Module?)c.Value)).ToList();
        return order;
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
