using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Builds the <c>config.json</c> of a <c>.keras</c> file in the form Keras 3 writes it
/// (<c>serialization_lib.serialize_keras_object</c>): class names, module, per-layer configs with
/// Keras' default names (<c>dense</c>, <c>dense_1</c>), an <c>InputLayer</c> with the batch shape.
/// Keras' <c>keras.saving.load_model</c> rebuilds the model from it.
/// </summary>
internal static class KerasConfigWriter
{
    /// <summary>The config of <paramref name="model"/> as a Keras <c>Sequential</c> model: its layers in call order after an input layer.</summary>
    /// <exception cref="NotSupportedException">A layer Keras has no class for (a custom layer); the message names it.</exception>
    public static JsonObject Sequential(Model model)
    {
        var input = model.KerasInputs.Single();
        var slots = KerasWeightLayout.Of(model);
        var layers = new JsonArray { InputLayer(input) };
        foreach (var ((member, layer), slot) in model.KerasLayers().Zip(slots.Where(s => s.ClassName != "InputLayer")))
        {
            var own = KerasLayerConfig.Own(layer) ?? throw new NotSupportedException(
                $"Cannot describe model '{model.GetName()}' to Keras: layer '{member}' is a {layer.GetType().Name}, which Keras has no class for; " +
                "save its weights (SaveWeights) instead.");
            var config = new JsonObject { ["name"] = slot.KerasName, ["trainable"] = true, ["dtype"] = DTypePolicy() };
            foreach (var (key, value) in own)
            {
                config[key] = value?.DeepClone();
            }

            layers.Add(new JsonObject
            {
                ["module"] = "keras.layers",
                ["class_name"] = slot.ClassName,
                ["config"] = config,
                ["registered_name"] = null,
            });
        }

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
                ["layers"] = layers,
                ["build_input_shape"] = batchShape.DeepClone(),
            },
            ["registered_name"] = null,
            ["build_config"] = new JsonObject { ["input_shape"] = batchShape },
            ["compile_config"] = new JsonObject(),
        };
    }

    private static JsonObject InputLayer(TensorSpec input) => new()
    {
        ["module"] = "keras.layers",
        ["class_name"] = "InputLayer",
        ["config"] = new JsonObject
        {
            ["batch_shape"] = KerasValues.BatchShape(input),
            ["dtype"] = "float32",
            ["sparse"] = false,
            ["ragged"] = false,
            ["name"] = "input_layer",
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
