using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Checks a <c>.keras</c> file's <c>config.json</c> against the declared model before any weight is
/// read: the model class, the input shape, and each layer's class and architecture arguments
/// (units, filters, kernel sizes, strides, padding, activations, ...) in Keras' layer order.
/// Arguments the file leaves out take Keras' defaults and are not compared.
/// </summary>
internal static class KerasConfigCheck
{
    /// <summary>Every difference between the file's architecture and <paramref name="model"/>'s; empty when they agree.</summary>
    public static List<string> Differences(Model model, JsonNode? root)
    {
        var problems = new List<string>();
        var className = root?["class_name"]?.GetValue<string>();
        if (className is not ("Sequential" or "Functional" or "Model"))
        {
            problems.Add($"config.json describes a '{className ?? "(nothing)"}', not a Sequential or Functional model");
            return problems;
        }

        var layers = root!["config"]?["layers"]?.AsArray().Where(l => l is not null).Select(l => l!).ToList() ?? [];
        var inputs = layers.Where(l => ClassOf(l) == "InputLayer").ToList();
        CheckInputs(model, root, inputs, problems);

        var fileLayers = layers.Where(l => ClassOf(l) != "InputLayer").ToList();
        var ours = model.KerasLayers().ToList();
        if (fileLayers.Count != ours.Count)
        {
            problems.Add($"config.json has {fileLayers.Count} layers ({string.Join(", ", fileLayers.Select(ClassOf))}) " +
                $"but model '{model.GetName()}' has {ours.Count} ({string.Join(", ", ours.Select(o => KerasNaming.ClassName(o.Layer)))})");
        }

        foreach (var (file, (member, layer)) in fileLayers.Zip(ours))
        {
            var fileName = file["config"]?["name"]?.GetValue<string>() ?? "?";
            var ourClass = KerasNaming.ClassName(layer);
            var fileClass = ClassOf(file) == "Model" ? "Functional" : ClassOf(file);
            if (fileClass != ourClass)
            {
                problems.Add($"layer '{member}' is {ourClass} in the model but the file's layer '{fileName}' in that place is {ClassOf(file)}");
                continue;
            }

            if (layer is Model nested)
            {
                // A model used as a layer: its own config, checked the same way.
                problems.AddRange(Differences(nested, file).Select(p => $"in model '{member}' ({nested.GetName()}): {p}"));
                continue;
            }

            var expected = KerasLayerConfig.Own(layer) ?? [];
            var found = file["config"] as JsonObject;
            if (layer is Layers.Layer single && found is not null)
            {
                CheckRegularizers(member, ourClass, fileName, single, found, problems);
            }

            foreach (var (key, want) in expected)
            {
                var got = found?[key];
                if (found is null || !found.ContainsKey(key))
                {
                    continue;
                }

                if (IsLayerEntry(want))
                {
                    problems.AddRange(WrappedDifferences(want!, got).Select(p => $"layer '{member}' ({ourClass}) in the file's layer '{fileName}': its {key} {p}"));
                }
                else if (!SameValue(want, got) && !(key == "attention_axes" && want is null && KerasAttentionAxes.AreDefault(got, file)))
                {
                    problems.Add($"layer '{member}' ({ourClass}) has {key} {Text(want)} in the model but {Text(got)} in the file's layer '{fileName}'");
                }
            }
        }

        return problems;
    }

    // A wrapped layer's entry (TimeDistributed's layer, Bidirectional's layer and backward_layer): module, class_name, config.
    private static bool IsLayerEntry(JsonNode? node) => node is JsonObject entry && entry.ContainsKey("class_name") && entry["config"] is JsonObject;

    // The wrapped layer's class and architecture arguments; its name, dtype, initializers, regularizers
    // and constraints (objects) are not compared.
    private static IEnumerable<string> WrappedDifferences(JsonNode want, JsonNode? got)
    {
        if (!IsLayerEntry(got))
        {
            yield return $"is {Text(want["class_name"])} in the model but {Text(got)} in the file";
            yield break;
        }

        if (Text(want["class_name"]) != Text(got!["class_name"]))
        {
            yield return $"is {Text(want["class_name"])} in the model but {Text(got["class_name"])} in the file";
            yield break;
        }

        var (ours, theirs) = ((JsonObject)want["config"]!, (JsonObject)got["config"]!);
        foreach (var (key, value) in ours)
        {
            if (key is "name" or "trainable" or "dtype" || !theirs.ContainsKey(key) || (value is JsonObject && !IsLayerEntry(value)))
            {
                continue;
            }

            if (IsLayerEntry(value))
            {
                foreach (var inner in WrappedDifferences(value!, theirs[key]))
                {
                    yield return $"{key} {inner}";
                }
            }
            else if (!SameValue(value, theirs[key]))
            {
                yield return $"({Text(want["class_name"])}) has {key} {Text(value)} in the model but {Text(theirs[key])} in the file";
            }
        }
    }

    // Regularizers shape training (initializers do not matter once weights are loaded): each
    // *_regularizer the model or the file states must agree, a missing one being none.
    private static void CheckRegularizers(string member, string ourClass, string fileName, Layers.Layer layer, JsonObject found, List<string> problems)
    {
        var ours = new JsonObject();
        KerasWeightOptions.Describe(layer, ours);
        var keys = ours.Select(kv => kv.Key).Concat(found.Select(kv => kv.Key))
            .Where(k => k.EndsWith("_regularizer", System.StringComparison.Ordinal)).Distinct().ToList();
        foreach (var key in keys)
        {
            var want = ours[key];
            var got = found[key];
            if (!SameRegularizer(want, got))
            {
                problems.Add($"layer '{member}' ({ourClass}) has {key} {RegularizerText(want)} in the model but {RegularizerText(got)} in the file's layer '{fileName}'");
            }
        }
    }

    private static bool SameRegularizer(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonObject || b is not JsonObject)
        {
            return Text(a) == Text(b);
        }

        var (left, right) = (a["config"] as JsonObject ?? [], b["config"] as JsonObject ?? []);
        return Text(a["class_name"]) == Text(b["class_name"])
            && left.Select(kv => kv.Key).Concat(right.Select(kv => kv.Key)).Distinct().All(k => SameValue(left[k], right[k]));
    }

    private static string RegularizerText(JsonNode? node) =>
        node is null ? "none" : $"{node["class_name"]?.GetValue<string>()}{node["config"]?.ToJsonString()}";

    private static void CheckInputs(Model model, JsonNode root, List<JsonNode> inputs, List<string> problems)
    {
        var shapes = inputs.Select(i => i["config"]?["batch_shape"] ?? i["config"]?["batch_input_shape"]).ToList();
        if (shapes.Count == 0 && root["config"]?["build_input_shape"] is { } built)
        {
            shapes.Add(built);
        }

        var declared = model.KerasInputs;
        if (shapes.Count == 0)
        {
            return;   // a Sequential model saved before it was built says nothing about its input
        }

        if (shapes.Count != declared.Count)
        {
            problems.Add($"config.json has {shapes.Count} inputs but model '{model.GetName()}' declares {declared.Count}");
            return;
        }

        foreach (var (shape, spec) in shapes.Zip(declared))
        {
            var want = KerasValues.BatchShape(spec);
            if (!SameValue(want, shape))
            {
                problems.Add($"input '{spec.Name}' has shape {Text(want)} in the model but {Text(shape)} in the file");
            }
        }
    }

    private static double Number(JsonValue value) =>
        double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static string? ClassOf(JsonNode layer) => layer["class_name"]?.GetValue<string>();

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    // Numbers compare by value (Keras writes 0.5 and 1e-3 as Python does); lists element by element.
    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is JsonArray left && b is JsonArray right)
        {
            return left.Count == right.Count && left.Zip(right).All(p => SameValue(p.First, p.Second));
        }

        if (a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
        {
            return Number(x) == Number(y);
        }

        return Text(a) == Text(b);
    }
}
