using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Builds the <c>config.json</c> of a <c>.keras</c> file in the form Keras 3 writes it
/// (<c>serialization_lib.serialize_keras_object</c>): class names, module, per-layer configs with
/// Keras' default names (<c>dense</c>, <c>dense_1</c>), an <c>InputLayer</c> with the batch shape.
/// Keras' <c>keras.saving.load_model</c> rebuilds the model from it.
/// </summary>
internal static class KerasConfigWriter
{
    /// <summary>
    /// The config of <paramref name="model"/>: a Keras <c>Sequential</c> model (its layers in order after
    /// an input layer) or, for a functional model, a <c>Functional</c> one with each layer's inbound nodes.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// A layer Keras has no class for (a custom layer), several inputs or outputs, or a graph that
    /// does not reproduce the model's forward pass; the message says which.
    /// </exception>
    public static JsonObject Write(Model model)
    {
        var slots = KerasWeightLayout.Of(model).Where(s => s.ClassName != "InputLayer").ToDictionary(s => s.MemberName);
        var layers = model.KerasLayers().ToList();
        // Each layer's entry: module, class_name, config; a model used as a layer is its own whole
        // config, named as Keras' saving code names its group (sequential, functional_1, ...).
        var entries = layers.ToDictionary(l => l.Member, l => l.Layer is Model nested
            ? Nested(nested, slots[l.Member])
            : Layer(slots[l.Member], l.Layer, KerasLayerConfig.Own(l.Layer) ?? throw new NotSupportedException(
                $"Cannot describe model '{model.GetName()}' to Keras: layer '{l.Member}' is a {l.Layer.GetType().Name}, which Keras has no class for; " +
                "save its weights (SaveWeights) instead.")));
        var graph = model.GraphOrChain();
        var shapes = GraphProbe.Shapes(model, graph, model.IsSequential ? "written as a Keras Sequential model" : "written as a Keras Functional model");
        return model.IsSequential
            ? Sequential(model.KerasInputs[0], layers.Select(l => entries[l.Member]))
            : Functional(model.KerasInputs, model.KerasLayersAndInputs(), graph, slots, entries, shapes);
    }

    private static JsonObject Nested(Model nested, KerasLayerSlot slot)
    {
        var entry = Write(nested);
        entry["config"]!["name"] = slot.KerasName;
        return entry;
    }

    private static JsonObject Sequential(TensorSpec input, IEnumerable<JsonObject> layers)
    {
        var batchShape = KerasValues.BatchShape(input);
        return new JsonObject
        {
            ["module"] = "keras",
            ["class_name"] = "Sequential",
            ["config"] = new JsonObject
            {
                ["name"] = "sequential",
                ["trainable"] = true,
                ["dtype"] = DTypePolicy(),
                ["layers"] = new JsonArray([InputLayer(input, "input_layer"), .. layers]),
                ["build_input_shape"] = batchShape.DeepClone(),
            },
            ["registered_name"] = null,
            ["build_config"] = new JsonObject { ["input_shape"] = batchShape },
            ["compile_config"] = new JsonObject(),
        };
    }

    // Keras 3's functional form: every layer with "name" and "inbound_nodes", each node's args the
    // Keras tensors it was called on, named by keras_history [layer, node index, tensor index].
    // Layers and input layers are listed in Keras' order (Functional.layers, by depth).
    // Several inputs or outputs are lists of [layer, node, tensor] triples; one is the triple itself,
    // as Keras writes a model built on a single tensor.
    private static JsonObject Functional(
        IReadOnlyList<TensorSpec> inputs, IReadOnlyList<(string Name, TorchSharp.torch.nn.Module? Layer)> order, ModelGraph graph, Dictionary<string, KerasLayerSlot> slots, Dictionary<string, JsonObject> entries, List<long[]> shapes)
    {
        var history = inputs.Select(i => (Layer: i.Name, Node: 0)).ToList();
        var nodes = new Dictionary<string, JsonArray>();
        foreach (var call in graph.Calls)
        {
            var arguments = call.Inputs.Select(v => KerasTensor(history[v], shapes[v])).ToArray();
            // A merge takes one list; attention takes query, value (and key) as arguments, and its
            // causal mask as a call argument.
            // (Luong's Attention takes them as one list, as a merge does.)
            var layer = order.FirstOrDefault(o => o.Name == call.Layer).Layer;
            var args = arguments.Length == 1 || layer is MultiHeadAttention ? new JsonArray(arguments) : new JsonArray(new JsonArray(arguments));
            var causal = layer is MultiHeadAttention { UseCausalMask: true } or Attention { UseCausalMask: true };
            var kwargs = causal ? new JsonObject { ["use_causal_mask"] = true } : new JsonObject();
            nodes.TryAdd(call.Layer, []);
            nodes[call.Layer].Add(new JsonObject { ["args"] = args, ["kwargs"] = kwargs });
            history.Add((slots[call.Layer].KerasName, nodes[call.Layer].Count - 1));
        }

        var layers = new JsonArray();
        foreach (var (name, layer) in order)
        {
            if (layer is null)
            {
                var input = inputs.First(i => i.Name == name);
                var inputLayer = InputLayer(input, input.Name);
                inputLayer["name"] = input.Name;
                inputLayer["inbound_nodes"] = new JsonArray();
                layers.Add(inputLayer);
                continue;
            }

            var described = entries[name];
            described["name"] = slots[name].KerasName;
            described["inbound_nodes"] = nodes[name];
            layers.Add(described);
        }

        JsonNode Ends(IEnumerable<(string Layer, int Node)> ends)
        {
            var triples = ends.Select(e => (JsonNode)new JsonArray(e.Layer, e.Node, 0)).ToArray();
            return triples.Length == 1 ? triples[0] : new JsonArray(triples);
        }
        return new JsonObject
        {
            ["module"] = "keras.src.models.functional",
            ["class_name"] = "Functional",
            ["config"] = new JsonObject
            {
                ["name"] = "functional",
                ["trainable"] = true,
                ["layers"] = layers,
                ["input_layers"] = Ends(history.Take(inputs.Count)),
                ["output_layers"] = Ends(graph.Outputs.Select(o => history[o])),
            },
            ["registered_name"] = "Functional",
            ["build_config"] = new JsonObject { ["input_shape"] = null },
            ["compile_config"] = new JsonObject(),
        };
    }

    private static JsonObject KerasTensor((string Layer, int Node) producer, long[] shape) => new()
    {
        ["class_name"] = "__keras_tensor__",
        ["config"] = new JsonObject
        {
            ["shape"] = new JsonArray(shape.Select(d => d >= 0 ? (JsonNode?)JsonValue.Create(d) : null).ToArray()),
            ["dtype"] = "float32",
            ["keras_history"] = new JsonArray(producer.Layer, producer.Node, 0),
        },
    };

    /// <summary>
    /// The entry of a layer inside a wrapper's config (<c>TimeDistributed</c>'s <c>layer</c>,
    /// <c>Bidirectional</c>'s <c>layer</c> and <c>backward_layer</c>), named <paramref name="name"/>,
    /// as Keras' <c>serialize_keras_object</c> writes it; <paramref name="extra"/> adds entries after the
    /// layer's own (<c>go_backwards</c>).
    /// </summary>
    public static JsonObject WrappedLayer(Layers.Layer layer, string name, JsonObject? extra = null)
    {
        var own = KerasLayerConfig.Own(layer) ?? throw new NotSupportedException($"{layer.GetType().Name} has no Keras class; it cannot be wrapped in a Keras file.");
        foreach (var (key, value) in extra ?? [])
        {
            own[key] = value?.DeepClone();
        }

        return Layer(name, KerasNaming.ClassName(layer), layer, own);
    }

    private static JsonObject Layer(KerasLayerSlot slot, TorchSharp.torch.nn.Module layer, JsonObject own) => Layer(slot.KerasName, slot.ClassName, layer, own);

    private static JsonObject Layer(string name, string className, TorchSharp.torch.nn.Module layer, JsonObject own)
    {
        var config = new JsonObject { ["name"] = name, ["trainable"] = true, ["dtype"] = DTypePolicy() };
        if (layer is Layer { KerasConfigHasTrainable: false })
        {
            config.Remove("trainable");
        }

        foreach (var (key, value) in own)
        {
            config[key] = value?.DeepClone();
        }

        if (layer is Layer single)
        {
            KerasWeightOptions.Describe(single, config);
        }

        return new JsonObject
        {
            ["module"] = "keras.layers",
            ["class_name"] = className,
            ["config"] = config,
            ["registered_name"] = null,
        };
    }

    private static JsonObject InputLayer(TensorSpec input, string name) => new()
    {
        ["module"] = "keras.layers",
        ["class_name"] = "InputLayer",
        ["config"] = new JsonObject
        {
            ["batch_shape"] = KerasValues.BatchShape(input),
            ["dtype"] = "float32",
            ["sparse"] = false,
            ["ragged"] = false,
            ["name"] = name,
            ["optional"] = false,
        },
        ["registered_name"] = null,
    };

    private static JsonObject DTypePolicy() => new()
    {
        ["module"] = "keras",
        ["class_name"] = "DTypePolicy",
        ["config"] = new JsonObject { ["name"] = "float32" },
        ["registered_name"] = null,
    };
}
