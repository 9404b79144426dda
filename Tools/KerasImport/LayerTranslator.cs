using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using static StaticKeras.Tools.KerasImport.KerasConfigJson;

namespace StaticKeras.Tools.KerasImport;

/// <summary>
/// Translates one Keras layer (<c>class_name</c> and <c>config</c> from <c>config.json</c>) into a
/// StaticKeras layer field, writing only arguments that differ from StaticKeras' defaults (which
/// are Keras' defaults). Layers and arguments StaticKeras has no equivalent for are reported.
/// </summary>
internal static partial class LayerTranslator
{
    private static readonly string[] s_activations =
        ["linear", "relu", "sigmoid", "tanh", "softmax", "gelu", "elu", "selu", "silu", "leaky_relu", "softplus"];

    // The layers whose StaticKeras form takes dataFormat: DataFormat.ChannelsFirst.
    private static readonly string[] s_channelsFirst =
    [
        "Conv1D", "Conv2D", "Conv2DTranspose", "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "ZeroPadding2D", "UpSampling2D",
        "DepthwiseConv2D", "SeparableConv2D", "Flatten", "SpatialDropout2D",
    ];

    /// <summary>The StaticKeras field for a Keras layer.</summary>
    /// <param name="className">Keras' <c>class_name</c>.</param>
    /// <param name="config">The layer's <c>config</c>.</param>
    /// <param name="calls">The layer's <c>inbound_nodes</c> in a functional model, for call arguments StaticKeras takes in the constructor.</param>
    public static LayerTranslation Translate(string className, JsonObject config, JsonArray? calls = null)
    {
        try
        {
            var format = String(config["data_format"]);
            if (format is not null && format != "channels_last" && !(format == "channels_first" && s_channelsFirst.Contains(className)))
            {
                return LayerTranslation.NotExpressible(
                    $"data_format '{format}' on {className} (StaticKeras takes channels_first on {string.Join(", ", s_channelsFirst)})");
            }

            var translation = className switch
            {
                "Dense" => LayerTranslation.Of("Dense", Int(config["units"]).ToString(CultureInfo.InvariantCulture),
                    Activation(config, "activation"), Flag(config, "use_bias", true, "useBias")),
                "Conv2D" or "Conv2DTranspose" => Conv2D(className, config),
                "DepthwiseConv2D" or "SeparableConv2D" => Depthwise(className, config),
                "Conv1D" => LayerTranslation.Of("Conv1D", Int(config["filters"]).ToString(CultureInfo.InvariantCulture),
                    Int(config["kernel_size"]).ToString(CultureInfo.InvariantCulture), Activation(config, "activation"),
                    Int(config["strides"]) == 1 ? null : $"strides: {Int(config["strides"])}", Padding(config),
                    Int(config["dilation_rate"]) == 1 ? null : $"dilationRate: {Int(config["dilation_rate"])}",
                    Int(config["groups"] ?? 1) == 1 ? null : $"groups: {Int(config["groups"])}", Flag(config, "use_bias", true, "useBias")),
                "MaxPooling2D" or "AveragePooling2D" => LayerTranslation.Of(className, Pair(config["pool_size"]),
                    SameAs(config["strides"], config["pool_size"]) ? null : $"strides: {Pair(config["strides"])}", Padding(config)),
                "MaxPooling1D" or "AveragePooling1D" => LayerTranslation.Of(className, Int(config["pool_size"]).ToString(CultureInfo.InvariantCulture),
                    SameAs(config["strides"], config["pool_size"]) ? null : $"strides: {Int(config["strides"])}", Padding(config)),
                "GlobalAveragePooling1D" or "GlobalAveragePooling2D" or "GlobalMaxPooling1D" or "GlobalMaxPooling2D" =>
                    LayerTranslation.Of(className, Flag(config, "keepdims", false, "keepdims")),
                "Flatten" => LayerTranslation.Of("Flatten"),
                "Dropout" => LayerTranslation.Of("Dropout", Double(config["rate"])),
                "SpatialDropout1D" or "SpatialDropout2D" => LayerTranslation.Of(className, Double(config["rate"])),
                "Activation" => Activation(config, "activation", keepLinear: true) is { } activation
                    ? LayerTranslation.Of("ActivationLayer", activation)
                    : throw new FormatException("no activation"),
                "BatchNormalization" => LayerTranslation.Of("BatchNormalization",
                    Int(config["axis"]) == -1 ? null : $"axis: {Int(config["axis"])}",
                    Double(config["momentum"]) == "0.99" ? null : $"momentum: {Double(config["momentum"])}",
                    Double(config["epsilon"]) == "0.001" ? null : $"epsilon: {Double(config["epsilon"])}",
                    Flag(config, "center", true, "center"), Flag(config, "scale", true, "scale")),
                "LayerNormalization" => LayerTranslation.Of("LayerNormalization",
                    config["axis"] is JsonArray axes ? $"axis: [{string.Join(", ", Ints(axes))}]" : Int(config["axis"]) == -1 ? null : $"axis: [{Int(config["axis"])}]",
                    Double(config["epsilon"]) == "0.001" ? null : $"epsilon: {Double(config["epsilon"])}",
                    Flag(config, "center", true, "center"), Flag(config, "scale", true, "scale")),
                "Embedding" => LayerTranslation.Of("Embedding", Int(config["input_dim"]).ToString(CultureInfo.InvariantCulture), Int(config["output_dim"]).ToString(CultureInfo.InvariantCulture),
                    Flag(config, "mask_zero", false, "maskZero")),
                "SimpleRNN" or "LSTM" or "GRU" => Recurrent(className, config),
                "TimeDistributed" => TimeDistributed(config),
                "Bidirectional" => Bidirectional(config),
                "MultiHeadAttention" => MultiHeadAttention(config, calls),
                "Attention" => Attention(config, calls),
                "Reshape" => LayerTranslation.Of("Reshape", Ints(config["target_shape"]).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray()),
                "Permute" => LayerTranslation.Of("Permute", Ints(config["dims"]).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray()),
                "UpSampling2D" => LayerTranslation.Of("UpSampling2D", Pair(config["size"]) == "(2, 2)" ? null : Pair(config["size"]),
                    String(config["interpolation"]) is "bilinear" ? "interpolation: Interpolation.Bilinear" : null),
                "ZeroPadding2D" => ZeroPadding(config),
                "Add" or "Subtract" or "Multiply" or "Average" or "Maximum" or "Minimum" => LayerTranslation.Of(className),
                "Concatenate" => LayerTranslation.Of("Concatenate", Int(config["axis"]) == -1 ? null : Int(config["axis"]).ToString(CultureInfo.InvariantCulture)),
                _ => LayerTranslation.NotExpressible($"StaticKeras has no {className} layer"),
            };
            return format == "channels_first" && translation.Type is not null
                ? translation with { Arguments = translation.Arguments.Length == 0 ? "dataFormat: DataFormat.ChannelsFirst" : translation.Arguments + ", dataFormat: DataFormat.ChannelsFirst" }
                : translation;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or NotSupportedException)
        {
            return LayerTranslation.NotExpressible($"its config cannot be read ({e.Message})");
        }
    }

    private static LayerTranslation Conv2D(string className, JsonObject config)
    {
        if (className == "Conv2DTranspose" && config["groups"] is not null && Int(config["groups"]) != 1)
        {
            throw new NotSupportedException("grouped transposed convolution");
        }

        return LayerTranslation.Of(className, Int(config["filters"]).ToString(CultureInfo.InvariantCulture), Pair(config["kernel_size"]),
            Activation(config, "activation"),
            Pair(config["strides"]) == "(1, 1)" ? null : $"strides: {Pair(config["strides"])}",
            Padding(config),
            className == "Conv2DTranspose" && config["output_padding"] is JsonArray padding ? $"outputPadding: {Pair(padding)}" : null,
            Pair(config["dilation_rate"]) == "(1, 1)" ? null : $"dilationRate: {Pair(config["dilation_rate"])}",
            className == "Conv2D" && Int(config["groups"] ?? 1) != 1 ? $"groups: {Int(config["groups"])}" : null,
            Flag(config, "use_bias", true, "useBias"));
    }

    // DepthwiseConv2D(kernelSize, activation, strides, padding, depthMultiplier, dilationRate, useBias) and
    // SeparableConv2D(filters, kernelSize, activation, ...): the window as Conv2D's, depth_multiplier when not 1.
    private static LayerTranslation Depthwise(string className, JsonObject config) =>
        LayerTranslation.Of(className,
            className == "SeparableConv2D" ? Int(config["filters"]).ToString(CultureInfo.InvariantCulture) : null,
            Pair(config["kernel_size"]),
            Activation(config, "activation"),
            Pair(config["strides"]) == "(1, 1)" ? null : $"strides: {Pair(config["strides"])}",
            Padding(config),
            Pair(config["dilation_rate"]) == "(1, 1)" ? null : $"dilationRate: {Pair(config["dilation_rate"])}",
            Int(config["depth_multiplier"] ?? 1) == 1 ? null : $"depthMultiplier: {Int(config["depth_multiplier"])}",
            Flag(config, "use_bias", true, "useBias"));

    private static LayerTranslation Recurrent(string className, JsonObject config)
    {
        foreach (var unsupported in new[] { "return_state", "go_backwards", "stateful", "unroll" })
        {
            if (Bool(config[unsupported], false))
            {
                return LayerTranslation.NotExpressible($"{unsupported}=True");
            }
        }

        var defaultActivation = "tanh";
        return LayerTranslation.Of(className, Int(config["units"]).ToString(CultureInfo.InvariantCulture),
            String(config["activation"]) == defaultActivation ? null : $"activation: {Activation(config, "activation", keepLinear: true)}",
            className == "SimpleRNN" || String(config["recurrent_activation"]) is null or "sigmoid" ? null : $"recurrentActivation: {Activation(config, "recurrent_activation", keepLinear: true)}",
            Flag(config, "use_bias", true, "useBias"),
            Flag(config, "return_sequences", false, "returnSequences"),
            className == "LSTM" ? Flag(config, "unit_forget_bias", true, "unitForgetBias") : null,
            className == "GRU" ? Flag(config, "reset_after", true, "resetAfter") : null);
    }

    private static LayerTranslation ZeroPadding(JsonObject config)
    {
        var padding = config["padding"]!.AsArray();
        var height = Ints(padding[0]);
        var width = Ints(padding[1]);
        return LayerTranslation.Of("ZeroPadding2D", $"({height[0]}, {height[1]})", $"({width[0]}, {width[1]})");
    }

    // "relu" -> Activation.Relu; linear (the default) is left out unless keepLinear.
    private static string? Activation(JsonObject config, string key, bool keepLinear = false)
    {
        var name = String(config[key]) ?? throw new NotSupportedException($"{key} is not a built-in activation name");
        if (!s_activations.Contains(name))
        {
            throw new NotSupportedException($"activation '{name}'");
        }

        return name == "linear" && !keepLinear ? null : "Activation." + string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string? Padding(JsonObject config) => String(config["padding"]) switch
    {
        null or "valid" => null,
        "same" => "padding: Padding.Same",
        "causal" => "padding: Padding.Causal",
        var other => throw new NotSupportedException($"padding '{other}'"),
    };

    private static string? Flag(JsonObject config, string key, bool fallback, string parameter) =>
        Bool(config[key], fallback) == fallback ? null : $"{parameter}: {(Bool(config[key], fallback) ? "true" : "false")}";

    private static string Pair(JsonNode? node)
    {
        var values = node is JsonArray ? Ints(node) : [Int(node), Int(node)];
        return $"({values[0]}, {values[1]})";
    }

    private static bool SameAs(JsonNode? strides, JsonNode? poolSize) =>
        strides is null || strides.ToJsonString() == poolSize?.ToJsonString();
}
