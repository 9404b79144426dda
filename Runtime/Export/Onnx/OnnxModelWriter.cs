using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Saving.Keras;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// Writes a model's inference graph as an ONNX <c>ModelProto</c> (IR version 8, opset 17): the
/// declared input with a dynamic <c>batch</c> dimension (symbolic dimensions by name), each layer's
/// nodes in order with its weights as initializers, and the declared output.
/// </summary>
internal static class OnnxModelWriter
{
    /// <summary>The ONNX opset written.</summary>
    public const int Opset = 17;

    /// <summary>The encoded model.</summary>
    /// <exception cref="NotSupportedException">A layer has no ONNX form, or the model has several inputs or outputs; the message says which.</exception>
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
        if (modelGraph.Inputs.Count != 1 || modelGraph.Outputs.Count != 1 || layers.Any(l => l.Layer is Model))
        {
            throw new NotSupportedException(
                $"Cannot export model '{model.GetName()}' to ONNX: this version exports models with one input, one output and no nested models.");
        }

        // The probe makes sure the graph (or, for a Sequential model, the chain) is the model's forward pass.
        GraphProbe.Shapes(model, modelGraph, "exported to ONNX");
        var input = model.KerasInputs.Single();
        var output = model.BuildInfo.Output;
        var graph = new OnnxGraph();
        graph.Reserve(input.Name);
        var outputName = output.Name == input.Name ? output.Name + "_output" : output.Name;
        graph.Reserve(outputName);
        var modules = layers.ToDictionary(l => l.Member, l => l.Layer);
        var values = new List<string> { input.Name };
        foreach (var call in modelGraph.Calls)
        {
            graph.Scope = call.Layer;
            var arguments = call.Inputs.Select(v => values[v]).ToArray();
            values.Add(modules[call.Layer] is MergeLayer merge ? merge.ExportOnnx(graph, arguments) : ((Layer)modules[call.Layer]).ExportOnnx(graph, arguments.Single()));
        }

        var x = values[modelGraph.Outputs[0]];
        graph.Scope = "";
        graph.NodeTo(outputName, "Identity", [x]);
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

        body.Message(11, OnnxGraph.ValueInfo(input.Name, input, OnnxTypes.Float));
        body.Message(12, OnnxGraph.ValueInfo(outputName, output, OnnxTypes.Float));
        return new ProtoWriter()
            .Int(1, 8)
            .String(2, "StaticKeras")
            .String(3, typeof(Model).Assembly.GetName().Version?.ToString() ?? "0")
            .Message(7, body)
            .Message(8, new ProtoWriter().String(1, "").Int(2, Opset))
            .ToArray();
    }
}
