using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers;

namespace StaticKeras.Saving.Keras;

/// <summary>StaticKeras argument values as Keras' <c>get_config()</c> writes them.</summary>
internal static class KerasValues
{
    /// <summary>The Keras name of an activation: <c>relu</c>, <c>leaky_relu</c>, <c>linear</c>.</summary>
    public static string Name(Activation activation) => KerasNaming.ToSnakeCase(activation.ToString());

    /// <summary>The Keras name of a padding mode: <c>valid</c>, <c>same</c>, <c>causal</c>.</summary>
    public static string Name(Padding padding) => padding.ToString().ToLowerInvariant();

    /// <summary>A 2-D size as Keras' tuple: <c>[3, 3]</c>.</summary>
    public static JsonArray Pair(Size2D size) => [size.Height, size.Width];

    /// <summary>Integers as a JSON list.</summary>
    public static JsonArray List(params long[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>An input's shape with the batch, as Keras' <c>batch_shape</c>: <c>[null, 28, 28]</c>, unknown sizes as <c>null</c>.</summary>
    public static JsonArray BatchShape(TensorSpec spec) =>
        new(new JsonNode?[] { null }.Concat(spec.Dimensions.Select(d => d >= 0 ? (JsonNode?)JsonValue.Create(d) : null)).ToArray());

    /// <summary>A convolution's entries, in Keras' order: filters, kernel_size, strides, padding, data_format, dilation_rate, groups, activation, use_bias.</summary>
    public static void Convolution(JsonObject config, int filters, WindowSpec window, int groups, Activation activation, bool useBias, DataFormat dataFormat = DataFormat.ChannelsLast)
    {
        config["filters"] = filters;
        Window(config, window, dataFormat);
        config["groups"] = groups;
        config["activation"] = Name(activation);
        config["use_bias"] = useBias;
    }

    /// <summary>
    /// A depthwise (DepthwiseConv2D) or separable (SeparableConv2D, <paramref name="filters"/> given)
    /// convolution's entries, in Keras' order: depth_multiplier, filters, kernel_size, strides, padding,
    /// data_format, dilation_rate, activation, use_bias.
    /// </summary>
    public static void DepthwiseConvolution(JsonObject config, int depthMultiplier, int? filters, WindowSpec window, Activation activation, bool useBias, DataFormat dataFormat)
    {
        config["depth_multiplier"] = depthMultiplier;
        if (filters is { } count)
        {
            config["filters"] = count;
        }

        Window(config, window, dataFormat);
        config["activation"] = Name(activation);
        config["use_bias"] = useBias;
    }

    // kernel_size, strides, padding, data_format, dilation_rate: the window every convolution writes.
    private static void Window(JsonObject config, WindowSpec window, DataFormat dataFormat)
    {
        config["kernel_size"] = List(window.Kernel);
        config["strides"] = List(window.Strides);
        config["padding"] = Name(window.Padding);
        config["data_format"] = DataFormats.KerasName(dataFormat);
        config["dilation_rate"] = List(window.Dilation);
    }

    /// <summary>A pooling layer's entries, in Keras' order: pool_size, padding, strides, data_format.</summary>
    public static void Pooling(JsonObject config, WindowSpec window, DataFormat dataFormat = DataFormat.ChannelsLast)
    {
        config["pool_size"] = List(window.Kernel);
        config["padding"] = Name(window.Padding);
        config["strides"] = List(window.Strides);
        config["data_format"] = DataFormats.KerasName(dataFormat);
    }
}
