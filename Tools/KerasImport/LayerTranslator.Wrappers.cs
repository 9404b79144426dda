using System;
using System.Text.Json.Nodes;
using static StaticKeras.Tools.KerasImport.KerasConfigJson;

namespace StaticKeras.Tools.KerasImport;

/// <summary>
/// The wrappers: the wrapped layer (<c>"layer": {"class_name": ..., "config": ...}</c>) is translated as a
/// layer of its own and written in the argument, <c>new TimeDistributed(new Dense(2))</c>; a wrapped layer
/// StaticKeras cannot express makes the wrapper not expressible, naming why.
/// </summary>
internal static partial class LayerTranslator
{
    // TimeDistributed(new Dense(2))
    private static LayerTranslation TimeDistributed(JsonObject config)
    {
        var layer = Wrapped(config, "layer");
        return layer.Type is null ? layer : LayerTranslation.Of("TimeDistributed", New(layer));
    }

    // Bidirectional(new LSTM(4, returnSequences: true)), then mergeMode: MergeMode.Sum when not concat, and
    // backwardLayer: new GRU(3, ...) when Keras' backward_layer is not the forward layer's copy. Keras 3 writes
    // backward_layer always (its copy named backward_lstm, go_backwards: true), so it is compared, not looked for.
    private static LayerTranslation Bidirectional(JsonObject config)
    {
        if (config.ContainsKey("merge_mode") && config["merge_mode"] is null)
        {
            return LayerTranslation.NotExpressible(
                "merge_mode None (the two directions' outputs as a list; StaticKeras' Bidirectional returns one tensor: concat, sum, mul or ave)");
        }

        var mergeMode = (String(config["merge_mode"]) ?? "concat") switch
        {
            "concat" => null,
            "sum" => "mergeMode: MergeMode.Sum",
            "mul" => "mergeMode: MergeMode.Mul",
            "ave" => "mergeMode: MergeMode.Ave",
            var other => throw new NotSupportedException($"merge_mode '{other}'"),
        };
        var forward = WrappedRecurrent(config, "layer");
        if (forward.Type is null)
        {
            return forward;
        }

        if (config["backward_layer"] is not JsonObject backwardLayer)
        {
            return LayerTranslation.Of("Bidirectional", New(forward), mergeMode);
        }

        // StaticKeras' backward layer reads the sequence reversed, as Keras' go_backwards: true; the rest of its
        // config is translated as a layer's, so go_backwards is taken out first.
        var backwardConfig = backwardLayer["config"] as JsonObject ?? throw new FormatException("backward_layer has no config");
        if (!Bool(backwardConfig["go_backwards"], false))
        {
            return LayerTranslation.NotExpressible(
                "its backward_layer has go_backwards=False (StaticKeras' backward layer always reads the sequence last step first)");
        }

        var reversed = (JsonObject)backwardLayer.DeepClone();
        reversed["config"]!["go_backwards"] = false;
        var backward = WrappedRecurrent(new JsonObject { ["backward_layer"] = reversed }, "backward_layer");
        if (backward.Type is null)
        {
            return backward;
        }

        var isCopy = backward.Type == forward.Type && backward.Arguments == forward.Arguments;
        return LayerTranslation.Of("Bidirectional", New(forward), mergeMode, isCopy ? null : $"backwardLayer: {New(backward)}");
    }

    // A Bidirectional's layer or backward_layer: SimpleRNN, LSTM or GRU.
    private static LayerTranslation WrappedRecurrent(JsonObject config, string key)
    {
        var layer = Wrapped(config, key);
        return layer.Type is null or "SimpleRNN" or "LSTM" or "GRU"
            ? layer
            : LayerTranslation.NotExpressible($"its {key} ({layer.Type}) is not recurrent (StaticKeras' Bidirectional wraps SimpleRNN, LSTM or GRU)");
    }

    // config[key] translated; when not expressible, "its layer (Lambda): StaticKeras has no Lambda layer".
    private static LayerTranslation Wrapped(JsonObject config, string key)
    {
        var layer = config[key] as JsonObject ?? throw new FormatException($"no {key}");
        var className = String(layer["class_name"]) ?? throw new FormatException($"{key} has no class_name");
        var translation = className is "Sequential" or "Functional" or "Model"
            ? LayerTranslation.NotExpressible("a model (StaticKeras wraps built-in layers)")
            : Translate(className, layer["config"] as JsonObject ?? throw new FormatException($"{key} has no config"));
        return translation.Type is null ? LayerTranslation.NotExpressible($"its {key} ({className}): {translation.Problem}") : translation;
    }

    private static string New(LayerTranslation layer) => $"new {layer.Type}({layer.Arguments})";
}
