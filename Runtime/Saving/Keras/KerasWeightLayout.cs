using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Lays a StaticKeras model out the way Keras 3's saving code (<c>saving_lib._save_state</c>) lays
/// out a Keras model: every layer of <c>model.layers</c>, in Keras' order (<see cref="Model.KerasLayersAndInputs"/>), under
/// <c>layers/&lt;snake_case(class)&gt;[_n]</c> with its variables as <c>vars/0</c>, <c>vars/1</c>, ...
/// A functional model's inputs are layers too (<c>input_layer</c>); a Sequential model's are not.
/// Recurrent layers keep their weights in their cell (<c>cell/vars</c>).
/// </summary>
internal static class KerasWeightLayout
{
    /// <summary>
    /// The model's layers as Keras saves them, in Keras' order. A model used as a layer is a slot
    /// without variables (<c>layers/sequential</c>, <c>layers/functional</c>) followed by its own
    /// layers under it (<c>layers/sequential/layers/dense</c>), member names and state keys prefixed
    /// with its member name (<c>encoder.code</c>, <c>encoder.code.kernel</c>).
    /// </summary>
    public static List<KerasLayerSlot> Of(Model model)
    {
        var slots = new List<KerasLayerSlot>();
        Add(model, "", "", slots);
        return slots;
    }

    private static void Add(Model model, string groupPrefix, string memberPrefix, List<KerasLayerSlot> slots)
    {
        var taken = new Dictionary<string, int>();
        foreach (var (name, layer) in model.KerasLayersAndInputs())
        {
            var member = memberPrefix + name;
            if (layer is null)
            {
                slots.Add(Slot(member, "InputLayer", groupPrefix, "", taken, []));
                continue;
            }

            var className = KerasNaming.ClassName(layer);
            if (layer is Model nested)
            {
                var slot = Slot(member, className, groupPrefix, "", taken, []);
                slots.Add(slot);
                Add(nested, slot.GroupPath + "/", member + ".", slots);
                continue;
            }

            if (layer is MultiHeadAttention)
            {
                var slot = Slot(member, className, groupPrefix, "", taken, []);
                slots.Add(slot);
                slots.AddRange(AttentionParts(layer, member, slot.GroupPath));
                continue;
            }

            if (layer is TimeDistributed or Bidirectional)
            {
                var slot = Slot(member, className, groupPrefix, "", taken, []);
                slots.Add(slot);
                slots.AddRange(WrapperParts(layer, member, slot.GroupPath));
                continue;
            }

            var cell = layer is RecurrentLayer ? "/cell" : "";
            slots.Add(Slot(member, className, groupPrefix, cell, taken, Variables(layer, member)));
        }
    }

    // A layer's own variables in Keras' order (weights, then buffers), keyed under its state_dict prefix.
    private static List<KerasVariable> Variables(nn.Module layer, string prefix) =>
        layer.named_parameters(recurse: false).Select(kv => (kv.name, kv.parameter.shape))
            .Concat(layer.named_buffers(recurse: false).Select(kv => (kv.name, kv.buffer.shape)))
            .Select((v, i) => new KerasVariable(i, v.name, $"{prefix}.{v.name}", v.shape))
            .ToList();

    // Keras' wrappers keep the wrapped layers' weights under their attribute names: TimeDistributed's
    // layers/time_distributed/layer/vars, Bidirectional's layers/bidirectional/forward_layer/cell/vars
    // then backward_layer/cell/vars. Each part is named as Keras names it (dense, forward_lstm, backward_lstm).
    private static IEnumerable<KerasLayerSlot> WrapperParts(nn.Module wrapper, string member, string group)
    {
        (string Attribute, string Prefix, Layer Layer)[] parts = wrapper switch
        {
            TimeDistributed td => [("layer", "", td.Layer)],
            Bidirectional bi => [("forward_layer", "forward_", bi.ForwardLayer), ("backward_layer", "backward_", bi.BackwardLayer)],
            _ => [],
        };
        foreach (var (attribute, prefix, layer) in parts)
        {
            var className = KerasNaming.ClassName(layer);
            var cell = layer is RecurrentLayer ? "/cell" : "";
            yield return new KerasLayerSlot(
                $"{member}.{attribute}", className, prefix + KerasNaming.ToSnakeCase(className), $"{group}/{attribute}", $"{group}/{attribute}{cell}/vars",
                Variables(layer, $"{member}.{attribute}"));
        }
    }

    // Keras' MultiHeadAttention keeps its weights in sub-layers saved under their attribute names
    // (query_dense, key_dense, value_dense, output_dense: kernel, bias), besides the variable-less
    // _softmax and _dropout_layer; each vars group is named after the sub-layer (query, ..., attention_output).
    private static IEnumerable<KerasLayerSlot> AttentionParts(nn.Module attention, string member, string group)
    {
        var parts = attention.named_children().ToDictionary(c => c.name, c => c.module);
        // State keys as the layer's own state_dict names its projections' weights (matched by tensor).
        var keys = attention.named_parameters().ToList();
        string KeyOf(TorchSharp.Modules.Parameter parameter) => $"{member}." + keys.First(k => k.parameter.Handle == parameter.Handle).name;
        foreach (var (name, attribute) in new[] { ("query", "query_dense"), ("key", "key_dense"), ("value", "value_dense"), ("attention_output", "output_dense") })
        {
            var variables = parts.TryGetValue(name, out var part)
                ? part.named_parameters(recurse: false).Select((v, i) => new KerasVariable(i, v.name, KeyOf(v.parameter), v.parameter.shape)).ToList()
                : [];
            yield return new KerasLayerSlot($"{member}.{name}", "EinsumDense", name, $"{group}/{attribute}", $"{group}/{attribute}/vars", variables);
        }

        yield return new KerasLayerSlot($"{member}.softmax", "Softmax", "softmax", $"{group}/_softmax", $"{group}/_softmax/vars", []);
        yield return new KerasLayerSlot($"{member}.dropout", "Dropout", "dropout", $"{group}/_dropout_layer", $"{group}/_dropout_layer/vars", []);
    }

    private static KerasLayerSlot Slot(string member, string className, string groupPrefix, string cell, Dictionary<string, int> taken, List<KerasVariable> variables)
    {
        // Keras' _save_container_state: snake_case of the class, then _1, _2, ... per repeat.
        var baseName = KerasNaming.ToSnakeCase(className);
        var count = taken.GetValueOrDefault(baseName);
        taken[baseName] = count + 1;
        var name = count == 0 ? baseName : $"{baseName}_{count}";
        var group = $"{groupPrefix}layers/{name}";
        return new KerasLayerSlot(member, className, name, group, $"{group}{cell}/vars", variables);
    }
}
