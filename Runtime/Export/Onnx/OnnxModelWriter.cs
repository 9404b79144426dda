using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Saving.Keras;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// Writes a model's inference graph as an ONNX <c>ModelProto</c> (IR version 8, opset 17): the
/// declared inputs with a dynamic <c>batch</c> dimension (symbolic dimensions by name), each layer's
/// nodes in order with its weights as initializers, and the declared outputs (an output named like an input gets <c>_output</c> after its name).
/// </summary>
internal static class OnnxModelWriter
{
    /// <summary>The ONNX opset written.</summary>
    public const int Opset = 17;

    /// <summary>The encoded model.</summary>
    /// <exception cref="NotSupportedException">A layer has no ONNX form, or the model uses a model as a layer; the message says which.</exception>
    public static byte[] Write(Model model)
    {
        var unsupported = Unsupported(model, "").ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"Cannot export model '{model.GetName()}' to ONNX: layer{(unsupported.Count == 1 ? "" : "s")} {string.Join(", ", unsupported)} " +
                "ha" + (unsupported.Count == 1 ? "s" : "ve") + " no ONNX form in this version.");
        }

        if (MaskedPair(model, "") is { } masked)
        {
            throw new NotSupportedException(
                $"Cannot export model '{model.GetName()}' to ONNX: layer '{masked.Consumer}' can take the mask layer '{masked.Producer}' makes, " +
                "and ONNX's recurrent operators cannot skip masked steps.");
        }

        // The probe makes sure the graph (or, for a Sequential model, the chain) is the model's forward pass.
        // Its shapes give each value's rank, which some layers' nodes need (Flatten channels first).
        var shapes = GraphProbe.Shapes(model, model.GraphOrChain(), "exported to ONNX");
        var inputs = model.KerasInputs;
        var outputs = model.BuildInfo.Outputs;
        var graph = new OnnxGraph();
        foreach (var input in inputs)
        {
            graph.Reserve(input.Name);
        }

        var inputNames = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var outputNames = outputs.Select(o => inputNames.Contains(o.Name) ? o.Name + "_output" : o.Name).ToArray();
        foreach (var name in outputNames)
        {
            graph.Reserve(name);
        }

        List<string> results;
        try
        {
            results = Calls(graph, model, inputs.Select(i => i.Name).ToList(), "", shapes);
        }
        catch (NotSupportedException e)
        {
            // A layer that cannot honour the mask reaching it (OnnxMasks, Masked): refused by name, nothing written.
            throw new NotSupportedException($"Cannot export model '{model.GetName()}' to ONNX: {e.Message}", e);
        }

        graph.Scope = "";
        for (var i = 0; i < outputNames.Length; i++)
        {
            graph.NodeTo(outputNames[i], "Identity", [results[i]]);
        }

        var body = new ProtoWriter();
        foreach (var node in graph.Nodes)
        {
            body.Message(1, node);
        }

        body.String(2, model.GetName());
        foreach (var initializer in graph.Initializers)
        {
            body.Message(5, initializer);
        }

        foreach (var input in inputs)
        {
            body.Message(11, OnnxGraph.ValueInfo(input.Name, input, OnnxTypes.Float));
        }

        for (var i = 0; i < outputNames.Length; i++)
        {
            body.Message(12, OnnxGraph.ValueInfo(outputNames[i], outputs[i], OnnxTypes.Float));
        }
        return new ProtoWriter()
            .Int(1, 8)
            .String(2, "StaticKeras")
            .String(3, typeof(Model).Assembly.GetName().Version?.ToString() ?? "0")
            .Message(7, body)
            .Message(8, new ProtoWriter().String(1, "").Int(2, Opset))
            .ToArray();
    }

    // The layers without an ONNX form, those of models used as layers too ('encoder.custom').
    private static IEnumerable<string> Unsupported(Model model, string prefix)
    {
        foreach (var (member, layer) in model.KerasLayers())
        {
            var inner = layer is Model nested ? Unsupported(nested, $"{prefix}{member}.") : [];
            var supported = layer switch
            {
                Layer single => single.HasOnnxForm,
                MultiInputLayer attention => attention.HasOnnxForm,
                MergeLayer or Model => true,   // a merge's form is MergeLayer.ExportOnnx; a model's, its layers'
                _ => false,
            };
            foreach (var name in supported ? inner : [$"'{prefix}{member}' ({layer.GetType().Name})"])
            {
                yield return name;
            }
        }
    }

    // A layer that makes Keras' mask and a recurrent layer, which can take it (the generator's STK0080 makes the
    // same, declaration-level, judgement): ONNX's RNN, LSTM and GRU carry no per-step mask.
    private static (string Producer, string Consumer)? MaskedPair(Model model, string prefix)
    {
        var layers = All(model, prefix).ToList();
        var producer = layers.FirstOrDefault(l => l.Layer is Masking or Embedding { MaskZero: true }).Name;
        var consumer = layers.FirstOrDefault(l => l.Layer is RecurrentLayer or Bidirectional).Name;
        return producer is not null && consumer is not null ? (producer, consumer) : null;
    }

    private static IEnumerable<(string Name, TorchSharp.torch.nn.Module Layer)> All(Model model, string prefix) =>
        model.KerasLayers().SelectMany(l => l.Layer is Model nested
            ? All(nested, $"{prefix}{l.Member}.")
            : [($"{prefix}{l.Member}", l.Layer)]);

    // Adds the nodes of model's graph on the values named inputs; returns its outputs' values. A model
    // used as a layer adds its own graph in place, its nodes named after both members (encoder/code/...).
    // Keras' masks follow the values (OnnxMasks) as the generated forward pass passes them: made by
    // Embedding(maskZero) and Masking, read by GlobalAveragePooling1D and the attention layers; a nested
    // model neither takes nor returns one, as its generated Call.
    // shapes: the probe's shape of each value of model's graph (inputs, then each call's output).
    private static List<string> Calls(OnnxGraph graph, Model model, IReadOnlyList<string> inputs, string scope, List<long[]> shapes)
    {
        var modelGraph = model.GraphOrChain();
        var modules = model.KerasLayers().ToDictionary(l => l.Member, l => l.Layer);
        var values = inputs.ToList();
        var masks = inputs.Select(_ => (OnnxMasks.Mask?)null).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            graph.SetRank(values[i], shapes[i].Length);
        }

        foreach (var call in modelGraph.Calls)
        {
            var name = scope + call.Layer;
            graph.Scope = name;
            var arguments = call.Inputs.Select(v => values[v]).ToArray();
            var argumentMasks = call.Inputs.Select(v => masks[v]).ToArray();
            var (value, mask) = modules[call.Layer] switch
            {
                MergeLayer merge => (merge.ExportOnnx(graph, arguments), OnnxMasks.Merge(graph, merge, argumentMasks)),
                Model nested => (Calls(graph, nested, arguments, name + "/", GraphProbe.Shapes(nested, nested.GraphOrChain(), "exported to ONNX")).Single(), null),
                MultiInputLayer attention => (
                    attention.ExportOnnx(graph, arguments[0], arguments[1], arguments.Length > 2 ? arguments[2] : null,
                        argumentMasks[0]?.Name, argumentMasks[1]?.Name, argumentMasks.Length > 2 ? argumentMasks[2]?.Name : null),
                    argumentMasks[0]),
                IMaskedLayer and Layer masked when argumentMasks[0] is { } taken => (
                    Masked(masked, name, graph, arguments[0], taken), OnnxMasks.After(graph, masked, name, arguments[0], taken)),
                var layer => (((Layer)layer).ExportOnnx(graph, arguments.Single()), OnnxMasks.After(graph, layer, name, arguments[0], argumentMasks[0])),
            };
            values.Add(value);
            graph.SetRank(value, shapes[values.Count - 1].Length);
            masks.Add(mask);
        }

        graph.Scope = "";
        return modelGraph.Outputs.Select(o => values[o]).ToList();
    }

    // A layer that takes the mask reaching it; one that cannot honour it in ONNX is refused by name.
    private static string Masked(Layer layer, string name, OnnxGraph graph, string input, OnnxMasks.Mask mask)
    {
        try
        {
            return layer.ExportOnnx(graph, input, mask.Name);
        }
        catch (NotSupportedException)
        {
            throw new NotSupportedException(
                $"layer '{name}' ({layer.GetType().Name}) takes the mask layer '{mask.Producer}' makes, and its ONNX form cannot honour a mask.");
        }
    }
}
