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
        var layers = model.KerasLayers().ToList();
        // Merge layers have their ONNX form in MergeLayer.ExportOnnx.
        var unsupported = layers.Where(l => l.Layer is Layer single ? !single.HasOnnxForm : l.Layer is not (MergeLayer or Model)).Select(l => $"'{l.Member}' ({l.Layer.GetType().Name})").ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"Cannot export model '{model.GetName()}' to ONNX: layer{(unsupported.Count == 1 ? "" : "s")} {string.Join(", ", unsupported)} " +
                "ha" + (unsupported.Count == 1 ? "s" : "ve") + " no ONNX form in this version.");
        }

        var modelGraph = model.GraphOrChain();
        if (layers.Any(l => l.Layer is Model))
        {
            throw new NotSupportedException(
                $"Cannot export model '{model.GetName()}' to ONNX: this version exports no nested models (a model used as a layer); export the inner model on its own.");
        }

        // The probe makes sure the graph (or, for a Sequential model, the chain) is the model's forward pass.
        GraphProbe.Shapes(model, modelGraph, "exported to ONNX");
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

        var modules = layers.ToDictionary(l => l.Member, l => l.Layer);
        var values = inputs.Select(i => i.Name).ToList();
        foreach (var call in modelGraph.Calls)
        {
            graph.Scope = call.Layer;
            var arguments = call.Inputs.Select(v => values[v]).ToArray();
            values.Add(modules[call.Layer] is MergeLayer merge ? merge.ExportOnnx(graph, arguments) : ((Layer)modules[call.Layer]).ExportOnnx(graph, arguments.Single()));
        }

        graph.Scope = "";
        for (var i = 0; i < outputNames.Length; i++)
        {
            graph.NodeTo(outputNames[i], "Identity", [values[modelGraph.Outputs[i]]]);
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
}
