using System;
using System.Collections.Generic;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras;

// How the model looks to Keras' saving code: Sequential or Functional, its layers in Keras' order.
public abstract partial class Model
{
    /// <summary>Whether Keras would see this model as a <c>Sequential</c> model (no input layers among its layers).</summary>
    internal bool IsSequential => true;

    /// <summary>The Keras class of the model: <c>Sequential</c> or <c>Functional</c>.</summary>
    internal string KerasClassName => IsSequential ? "Sequential" : "Functional";

    /// <summary>
    /// The model's layers as Keras' <c>model.layers</c> lists them (inputs aside), by member name.
    /// Registration order is the declaration order, which for a Sequential model is its call order.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer is itself a model; Keras files of nested models are not supported yet.</exception>
    internal IEnumerable<(string Member, nn.Module Layer)> KerasLayers()
    {
        foreach (var (member, layer) in named_children())
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
    internal IReadOnlyList<TensorSpec> KerasInputs => [Info.Input];
}
