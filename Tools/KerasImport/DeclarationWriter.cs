using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StaticKeras.Tools.KerasImport;

/// <summary>What the import produced: the declaration's source and the layers it could not express.</summary>
/// <param name="Code">The C# source: a <c>[Sequential]</c> class, or a <c>[Model]</c> class with a <c>[Graph]</c> method.</param>
/// <param name="Problems">One line per layer (or feature) StaticKeras cannot express; empty when the declaration is complete.</param>
internal sealed record ImportResult(string Code, IReadOnlyList<string> Problems);

/// <summary>
/// Writes a StaticKeras declaration for a Keras model's <c>config.json</c>. Fields are named after
/// Keras' layer names and declared in Keras' layer order, so <c>LoadWeights</c> maps the same file's
/// weights onto them. Layers it cannot express are kept as comments in place and listed.
/// </summary>
internal static partial class DeclarationWriter
{
    /// <summary>
    /// The declaration of <paramref name="root"/> as class <paramref name="className"/> in <paramref name="ns"/>; a model
    /// used as a layer becomes a class of its own after it, named after both (<c>ImportedModel</c> + layer <c>enc</c>:
    /// <c>ImportedModelEnc</c>), and a field of that class.
    /// </summary>
    public static ImportResult Write(JsonNode root, string className, string ns, string source)
    {
        var problems = new List<string>();
        var classes = new List<(string Code, bool Functional)>();
        Class(root, className, "", problems, classes);
        var code = new StringBuilder();
        code.Append(CultureInfo.InvariantCulture, $"// Written by StaticKeras' KerasImport from {source}.\n");
        code.Append("using StaticKeras;\nusing StaticKeras.Layers;\n");
        if (classes.Any(c => c.Functional))
        {
            code.Append("using static TorchSharp.torch;\n");
        }

        code.Append(CultureInfo.InvariantCulture, $"\nnamespace {ns};\n\n");
        code.AppendJoin("\n", classes.Select(c => c.Code));
        return new ImportResult(code.ToString(), problems);
    }

    // One model's class (its nested models' classes after it); problems of a nested model's layers start with its path.
    private static void Class(JsonNode root, string className, string path, List<string> problems, List<(string Code, bool Functional)> classes)
    {
        var kind = root["class_name"]?.GetValue<string>();
        var config = root["config"]?.AsObject() ?? throw new FormatException("config.json has no 'config'");
        var layers = config["layers"]?.AsArray().Select(l => l!.AsObject()).ToList() ?? throw new FormatException("config.json lists no layers");
        var code = new StringBuilder();
        var index = classes.Count;
        classes.Add(("", false));
        var fields = Fields(layers, className, path, kind == "Sequential", problems, classes);
        switch (kind)
        {
            case "Sequential":
                var inputShape = layers.FirstOrDefault(l => ClassOf(l) == "InputLayer")?["config"]?["batch_shape"] ?? config["build_input_shape"];
                code.Append(CultureInfo.InvariantCulture, $"/// <summary>Imported Keras Sequential model '{config["name"]}'.</summary>\n");
                code.Append(CultureInfo.InvariantCulture, $"[Sequential, Input({Dimensions(inputShape, path, problems)})]\npublic partial class {className}\n{{\n");
                code.Append(fields);
                code.Append("}\n");
                break;
            case "Functional" or "Model":
                code.Append(CultureInfo.InvariantCulture, $"/// <summary>Imported Keras functional model '{config["name"]}'.</summary>\n");
                code.Append(CultureInfo.InvariantCulture, $"[Model]\npublic partial class {className}\n{{\n");
                code.Append(fields);
                code.Append('\n');
                code.Append(Graph(config, layers, path, problems));
                code.Append("}\n");
                break;
            default:
                throw new FormatException($"config.json describes a '{kind}', not a Sequential or Functional model");
        }

        classes[index] = (code.ToString(), kind != "Sequential");
    }

    private static string Fields(List<JsonObject> layers, string className, string path, bool sequential, List<string> problems, List<(string Code, bool Functional)> classes)
    {
        var text = new StringBuilder();
        foreach (var layer in layers.Where(l => ClassOf(l) != "InputLayer"))
        {
            var name = Identifier(NameOf(layer));
            if (ClassOf(layer) is "Sequential" or "Functional" or "Model")
            {
                if (sequential)
                {
                    Unexpressible(text, problems, $"layer '{path}{NameOf(layer)}' ({ClassOf(layer)}): a model used as a layer of a Sequential model (StaticKeras nests models in functional models)");
                    continue;
                }

                var inner = className + Pascal(name);
                Class(layer, inner, $"{path}{NameOf(layer)}/", problems, classes);
                text.Append(CultureInfo.InvariantCulture, $"    readonly {inner} {name} = new();\n");
                continue;
            }

            if (sequential && ClassOf(layer) is "MultiHeadAttention" or "Attention")
            {
                Unexpressible(text, problems, $"layer '{path}{NameOf(layer)}' ({ClassOf(layer)}): attention in a Sequential model (it takes a query and a value: StaticKeras calls it in a functional model)");
                continue;
            }

            var translation = LayerTranslator.Translate(ClassOf(layer)!, layer["config"]!.AsObject(), layer["inbound_nodes"] as JsonArray);
            if (translation.Type is null)
            {
                Unexpressible(text, problems, $"layer '{path}{NameOf(layer)}' ({ClassOf(layer)}): {translation.Problem}");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"    readonly {translation.Type} {name} = new({translation.Arguments});\n");
        }

        return text.ToString();
    }

    private static void Unexpressible(StringBuilder text, List<string> problems, string problem)
    {
        problems.Add(problem);
        text.Append(CultureInfo.InvariantCulture, $"    // NOT EXPRESSIBLE: {problem}\n");
    }

    // enc -> Enc, my_block -> MyBlock
    private static string Pascal(string identifier) =>
        string.Concat(identifier.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    // [Graph] Tensor Call([Input(...)] Tensor input_layer) { var conv2d_out = conv2d.Call(input_layer); ... }
    // (several outputs: (Tensor dense_1, Tensor dense_2) Call(...) { ... return (dense_1_out, dense_2_out); })
    private static string Graph(JsonObject config, List<JsonObject> layers, string path, List<string> problems)
    {
        var inputs = History(config["input_layers"]);
        var outputs = History(config["output_layers"]);
        if (outputs.Count == 0)
        {
            problems.Add($"{Where(path)}no outputs in config.json's output_layers");
        }

        var parameters = inputs.Select(input =>
        {
            var layer = layers.First(l => NameOf(l) == input.Layer);
            return $"[Input({Dimensions(layer["config"]!["batch_shape"], path, problems)})] Tensor {Identifier(input.Layer)}";
        });
        var text = new StringBuilder();
        // Several outputs: a tuple named after the output layers, as Keras names the outputs.
        var returns = outputs.Count > 1 ? $"({string.Join(", ", outputs.Select(o => $"Tensor {Identifier(o.Layer)}"))})" : "Tensor";
        text.Append(CultureInfo.InvariantCulture, $"    [Graph]\n    {returns} Call({string.Join(", ", parameters)})\n    {{\n");
        // Each call in config order, but only once what it reads is computed (a shared layer's later
        // calls can read layers listed after it) and after the layer's earlier calls (node order).
        var pending = new List<(JsonObject Layer, int Node, List<(string Layer, int Node)> Reads)>();
        foreach (var layer in layers.Where(l => ClassOf(l) != "InputLayer"))
        {
            var nodes = layer["inbound_nodes"]?.AsArray() ?? [];
            for (var k = 0; k < nodes.Count; k++)
            {
                var args = nodes[k]!["args"]!.AsArray();
                // MultiHeadAttention's value and key may be named: query, value, key in that order, after the positional ones.
                var named = ClassOf(layer) == "MultiHeadAttention" && nodes[k]!["kwargs"] is JsonObject kwargs
                    ? LayerTranslator.AttentionTensors.Select(n => kwargs[n]).Where(t => t is not null)
                    : [];
                var reads = (args.Count == 1 && args[0] is JsonArray list ? list : args).Concat(named)
                    .Select(a => a!["config"]!["keras_history"]!.AsArray())
                    .Select(h => (h[0]!.GetValue<string>(), h[1]!.GetValue<int>()))
                    .ToList();
                pending.Add((layer, k, reads));
            }
        }

        var computed = layers.Where(l => ClassOf(l) == "InputLayer").Select(l => (NameOf(l), 0)).ToHashSet();
        while (pending.Count > 0)
        {
            var next = pending.FindIndex(p => (p.Node == 0 || computed.Contains((NameOf(p.Layer), p.Node - 1))) && p.Reads.All(computed.Contains));
            if (next < 0)
            {
                problems.Add($"{Where(path)}the calls of {string.Join(", ", pending.Select(p => $"'{NameOf(p.Layer)}'").Distinct())} read values no call computes");
                break;
            }

            var (layer, k, reads) = pending[next];
            pending.RemoveAt(next);
            computed.Add((NameOf(layer), k));
            var tensors = reads.Select(r => Tensor(layers, r.Layer, r.Node));
            text.Append(CultureInfo.InvariantCulture,
                $"        var {Tensor(layers, NameOf(layer), k)} = {Identifier(NameOf(layer))}.Call({string.Join(", ", tensors)});\n");
        }

        var results = string.Join(", ", outputs.Select(o => Tensor(layers, o.Layer, o.Node)));
        text.Append(CultureInfo.InvariantCulture, $"        return {(outputs.Count > 1 ? $"({results})" : results)};\n    }}\n");
        return text.ToString();
    }

    // The local holding a layer's k-th output; inputs are the method's parameters.
    private static string Tensor(List<JsonObject> layers, string layer, int node)
    {
        var isInput = layers.Any(l => NameOf(l) == layer && ClassOf(l) == "InputLayer");
        return isInput ? Identifier(layer) : Identifier(layer) + (node == 0 ? "_out" : $"_out{node}");
    }

    // input_layers / output_layers: ["name", 0, 0] or [["name", 0, 0], ...].
    private static List<(string Layer, int Node)> History(JsonNode? node)
    {
        var array = node?.AsArray() ?? [];
        var entries = array.Count > 0 && array[0] is JsonArray ? array.Select(e => e!.AsArray()) : [array];
        return entries.Where(e => e.Count >= 2).Select(e => (e[0]!.GetValue<string>(), e[1]!.GetValue<int>())).ToList();
    }

    // "in model 'enc/': " before a nested model's own problems.
    private static string Where(string path) => path.Length == 0 ? "" : $"in model '{path.TrimEnd('/')}': ";

    private static string Dimensions(JsonNode? batchShape, string path, List<string> problems)
    {
        if (batchShape is not JsonArray shape || shape.Count < 2)
        {
            problems.Add($"{Where(path)}the input shape is not in config.json (a Sequential model saved before it was built)");
            return "";
        }

        return string.Join(", ", shape.Skip(1).Select((d, i) => d is null ? $"\"d{i + 1}\"" : d.ToJsonString()));
    }

    private static string? ClassOf(JsonObject layer) => layer["class_name"]?.GetValue<string>();

    private static string NameOf(JsonObject layer) => layer["config"]?["name"]?.GetValue<string>() ?? layer["name"]!.GetValue<string>();

    private static string Identifier(string name)
    {
        var identifier = NonIdentifier().Replace(name, "_");
        return char.IsDigit(identifier[0]) ? "_" + identifier : identifier;
    }

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifier();
}
