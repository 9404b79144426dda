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

            var variables = layer.named_parameters(recurse: false).Select(kv => (kv.name, kv.parameter.shape))
                .Concat(layer.named_buffers(recurse: false).Select(kv => (kv.name, kv.buffer.shape)))
                .Select((v, i) => new KerasVariable(i, v.name, $"{member}.{v.name}", v.shape))
                .ToList();
            var cell = layer is RecurrentLayer ? "/cell" : "";
            slots.Add(Slot(member, className, groupPrefix, cell, taken, variables));
        }
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
