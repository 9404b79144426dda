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
    /// <summary>The model's layers as Keras saves them, in Keras' order.</summary>
    public static List<KerasLayerSlot> Of(Model model)
    {
        var slots = new List<KerasLayerSlot>();
        var taken = new Dictionary<string, int>();
        foreach (var (member, layer) in model.KerasLayersAndInputs())
        {
            if (layer is null)
            {
                slots.Add(Slot(member, "InputLayer", "", taken, []));
                continue;
            }

            var className = KerasNaming.ClassName(layer);
            var variables = layer.named_parameters(recurse: false).Select(kv => (kv.name, kv.parameter.shape))
                .Concat(layer.named_buffers(recurse: false).Select(kv => (kv.name, kv.buffer.shape)))
                .Select((v, i) => new KerasVariable(i, v.name, $"{member}.{v.name}", v.shape))
                .ToList();
            var cell = layer is RecurrentLayer ? "/cell" : "";
            slots.Add(Slot(member, className, cell, taken, variables));
        }

        return slots;
    }

    private static KerasLayerSlot Slot(string member, string className, string cell, Dictionary<string, int> taken, List<KerasVariable> variables)
    {
        // Keras' _save_container_state: snake_case of the class, then _1, _2, ... per repeat.
        var baseName = KerasNaming.ToSnakeCase(className);
        var count = taken.GetValueOrDefault(baseName);
        taken[baseName] = count + 1;
        var name = count == 0 ? baseName : $"{baseName}_{count}";
        var group = $"layers/{name}";
        return new KerasLayerSlot(member, className, name, group, $"{group}{cell}/vars", variables);
    }
}
