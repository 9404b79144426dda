using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using static StaticKeras.Tools.KerasImport.KerasConfigJson;

namespace StaticKeras.Tools.KerasImport;

/// <summary>
/// MultiHeadAttention and Attention: their config as other layers', and Keras' <c>use_causal_mask</c>, a call
/// argument in Keras (each call's <c>kwargs</c>), as the StaticKeras constructor argument <c>useCausalMask</c>.
/// The graph writer passes the query, value and key tensors, positional or named, in that order.
/// </summary>
internal static partial class LayerTranslator
{
    // The call arguments a graph's call passes as tensors (MultiHeadAttention's query, value and key by name).
    internal static readonly string[] AttentionTensors = ["query", "value", "key"];

    // MultiHeadAttention(2, 3, valueDim: 5, dropout: 0.1, useBias: false, outputShape: [7], useCausalMask: true)
    private static LayerTranslation MultiHeadAttention(JsonObject config, JsonArray? calls)
    {
        if (Bool(config["use_gate"], false))
        {
            return LayerTranslation.NotExpressible("use_gate=True (StaticKeras' MultiHeadAttention has no gate)");
        }

        if (config["sliding_window"] is not null)
        {
            return LayerTranslation.NotExpressible($"sliding_window {config["sliding_window"]!.ToJsonString()} (StaticKeras attends over every step)");
        }

        if (config["attention_axes"] is JsonNode axes && !StaticKeras.Saving.Keras.KerasAttentionAxes.AreDefault(axes, config.Parent))
        {
            return LayerTranslation.NotExpressible(
                $"attention_axes {axes.ToJsonString()} (StaticKeras attends over every axis between batch and features, Keras' default)");
        }

        // Keras walks a call's tensors positional first, then named in name order (key, query, value), and lists the
        // layers before it in that walk's order; StaticKeras walks query, value, key, so the file's order would differ.
        foreach (var call in calls ?? [])
        {
            var kwargs = call?["kwargs"] as JsonObject ?? [];
            if (kwargs["key"] is JsonObject && (kwargs["query"] is JsonObject || kwargs["value"] is JsonObject))
            {
                return LayerTranslation.NotExpressible(
                    "a call with its key and value given by name (Keras then lists the layers before it key first, an order StaticKeras does not make, so the file would not load)");
            }
        }

        var causal = CausalMask(calls, AttentionTensors);
        if (causal.Problem is not null)
        {
            return LayerTranslation.NotExpressible(causal.Problem);
        }

        var keyDim = Int(config["key_dim"]);
        var valueDim = config["value_dim"] is null ? keyDim : Int(config["value_dim"]);
        var outputShape = config["output_shape"] switch
        {
            null => null,
            JsonArray list => $"outputShape: [{string.Join(", ", Ints(list))}]",
            var single => $"outputShape: [{Int(single)}]",
        };
        return LayerTranslation.Of("MultiHeadAttention", Int(config["num_heads"]).ToString(CultureInfo.InvariantCulture),
            keyDim.ToString(CultureInfo.InvariantCulture),
            valueDim == keyDim ? null : $"valueDim: {valueDim}",
            Dropout(config),
            Flag(config, "use_bias", true, "useBias"),
            outputShape,
            causal.Argument);
    }

    // Attention(useScale: true, scoreMode: AttentionScoreMode.Concat, dropout: 0.1, useCausalMask: true)
    private static LayerTranslation Attention(JsonObject config, JsonArray? calls)
    {
        var causal = CausalMask(calls, []);
        if (causal.Problem is not null)
        {
            return LayerTranslation.NotExpressible(causal.Problem);
        }

        var scoreMode = String(config["score_mode"]) switch
        {
            null or "dot" => null,
            "concat" => "scoreMode: AttentionScoreMode.Concat",
            var other => throw new System.NotSupportedException($"score_mode '{other}'"),
        };
        return LayerTranslation.Of("Attention", Flag(config, "use_scale", false, "useScale"), scoreMode, Dropout(config), causal.Argument);
    }

    private static string? Dropout(JsonObject config) =>
        config["dropout"] is null || Double(config["dropout"]) == "0" ? null : $"dropout: {Double(config["dropout"])}";

    // useCausalMask: true when every call has use_causal_mask=True; a call argument StaticKeras does not take
    // (return_attention_scores, an explicit mask tensor) or calls that differ in it are not expressible.
    private static (string? Argument, string? Problem) CausalMask(JsonArray? calls, string[] tensors)
    {
        var causal = new System.Collections.Generic.HashSet<bool>();
        foreach (var call in calls ?? [])
        {
            var kwargs = call?["kwargs"] as JsonObject ?? [];
            causal.Add(Bool(kwargs["use_causal_mask"], false));
            foreach (var (name, value) in kwargs)
            {
                var passed = value is not null && value.GetValueKind() != JsonValueKind.False && !(value is JsonArray list && list.All(v => v is null));
                if (passed && name is not ("use_causal_mask" or "training") && !tensors.Contains(name))
                {
                    return (null, $"the call argument {name}={Describe(value!)} (a graph's calls pass the inputs, and masks as the layers make them)");
                }
            }
        }

        return causal.Count switch
        {
            > 1 => (null, "calls with and without use_causal_mask (StaticKeras takes it once, as the constructor argument useCausalMask)"),
            1 when causal.Single() => ("useCausalMask: true", null),
            _ => (null, null),
        };
    }

    private static string Describe(JsonNode value) =>
        value is JsonObject tensor && String(tensor["class_name"]) == "__keras_tensor__"
            ? $"'{tensor["config"]?["keras_history"]?[0]}'"
            : value.ToJsonString();
}
