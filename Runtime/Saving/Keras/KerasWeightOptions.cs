using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using StaticKeras.Layers;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// A layer's initializers and regularizers as Keras' <c>get_config()</c> writes them
/// (<c>kernel_initializer</c>, <c>kernel_regularizer</c>, <c>activity_regularizer</c>, ...), each a
/// serialized Keras object: <c>{"module": "keras.initializers", "class_name": "GlorotUniform",
/// "config": {"seed": null}, "registered_name": null}</c>.
/// </summary>
internal static class KerasWeightOptions
{
    /// <summary>Adds <paramref name="layer"/>'s initializers (its <c>XxxInitializer</c> properties) and regularizers to <paramref name="config"/>.</summary>
    public static void Describe(Layer layer, JsonObject config)
    {
        // KernelInitializer -> kernel_initializer, EmbeddingsInitializer -> embeddings_initializer.
        foreach (var property in layer.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(global::StaticKeras.Initializer) && p.Name.EndsWith("Initializer", System.StringComparison.Ordinal)))
        {
            config[KerasNaming.ToSnakeCase(property.Name[..^"Initializer".Length]) + "_initializer"] = Serialize((global::StaticKeras.Initializer)property.GetValue(layer)!);
        }

        foreach (var (weight, regularizer) in layer.WeightRegularizers)
        {
            // Keras names a recurrent kernel's regularizer recurrent_regularizer (depthwise_, pointwise_ alike),
            // and DepthwiseConv2D's kernel's depthwise_regularizer.
            var owner = weight.EndsWith("_kernel", System.StringComparison.Ordinal) ? weight[..^"_kernel".Length]
                : layer is DepthwiseConv2D && weight == "kernel" ? "depthwise"
                : weight;
            config[owner + "_regularizer"] = Serialize(regularizer);
        }

        if (layer.ActivityRegularizer is { } activity)
        {
            config["activity_regularizer"] = Serialize(activity);
        }
    }

    /// <summary>Keras' serialized form of <paramref name="initializer"/> with StaticKeras' (Keras') default arguments.</summary>
    public static JsonObject Serialize(global::StaticKeras.Initializer initializer) => Serialized("keras.initializers", initializer.ToString(), initializer switch
    {
        global::StaticKeras.Initializer.Zeros or global::StaticKeras.Initializer.Ones => new JsonObject(),
        global::StaticKeras.Initializer.RandomNormal => new JsonObject { ["seed"] = null, ["mean"] = 0.0, ["stddev"] = 0.05 },
        global::StaticKeras.Initializer.RandomUniform => new JsonObject { ["seed"] = null, ["minval"] = -0.05, ["maxval"] = 0.05 },
        global::StaticKeras.Initializer.Orthogonal => new JsonObject { ["seed"] = null, ["gain"] = 1.0 },
        _ => new JsonObject { ["seed"] = null, ["input_axes"] = null, ["output_axes"] = null },   // Glorot*, He* (VarianceScaling)
    });

    /// <summary>Keras' serialized form of <paramref name="regularizer"/>: <c>L1</c>, <c>L2</c> or <c>L1L2</c>.</summary>
    public static JsonObject Serialize(Regularizer regularizer) =>
        regularizer.L1Factor == 0 ? Serialized("keras.regularizers", "L2", new JsonObject { ["l2"] = regularizer.L2Factor })
        : regularizer.L2Factor == 0 ? Serialized("keras.regularizers", "L1", new JsonObject { ["l1"] = regularizer.L1Factor })
        : Serialized("keras.regularizers", "L1L2", new JsonObject { ["l1"] = regularizer.L1Factor, ["l2"] = regularizer.L2Factor });

    private static JsonObject Serialized(string module, string className, JsonObject config) => new()
    {
        ["module"] = module,
        ["class_name"] = className,
        ["config"] = config,
        ["registered_name"] = null,
    };
}
