using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// The forward lines shared by <c>Call</c>, <c>TrainStep</c> and <c>TestStep</c>: one line per node
/// an output depends on, in graph order (a Sequential model's layers in declaration order), each
/// ending with its static shape. A shared layer is simply called again. With a fused activation the
/// output's layer stops before it and names its result <c>logits</c>.
/// </summary>
internal static class ForwardPass
{
    // var x1 = conv1.Call(inputs);          // (batch, 26, 26, 32)
    // var x2 = pool1.Call(x1);              // (batch, 13, 13, 32)
    // var x3 = shared.Call(x2);             // (batch, 13, 13, 32)
    // var x4 = shared.Call(x3);             // (batch, 13, 13, 32)
    // var logits = classifier.CallLinear(x4);  // (batch, 10), softmax fused into the loss
    /// <summary>The lines from <paramref name="inputs"/> (one name per model input), and the name of the (first) output tensor.</summary>
    public static (List<CodeLine> Lines, string Output) Lines(InferredModel model, IReadOnlyList<string> inputs, CallMode mode, ActivationKind? fusedActivation)
    {
        var fused = new Dictionary<int, ActivationKind>();
        if (fusedActivation is { } activation)
        {
            fused[model.Graph.Outputs[0].Value] = activation;
        }

        var (lines, outputs) = Lines(model, inputs, mode, fused);
        return (lines, outputs[0]);
    }

    /// <summary>
    /// The lines from <paramref name="inputs"/>, and the names of the output tensors in output order.
    /// <paramref name="fused"/> maps an output value to the activation its loss takes over: that
    /// call stops before it and its result is named <c>logits</c> (<c>cls_logits</c> with several outputs).
    /// </summary>
    public static (List<CodeLine> Lines, IReadOnlyList<string> Outputs) Lines(
        InferredModel model, IReadOnlyList<string> inputs, CallMode mode, IReadOnlyDictionary<int, ActivationKind> fused)
    {
        var graph = model.Graph;
        var names = new Dictionary<int, string>();
        for (var i = 0; i < graph.Inputs.Count; i++)
        {
            names[i] = inputs[i];
        }

        var lines = new List<CodeLine>();
        var masks = new MaskLines(model);
        var maskLines = 0;
        foreach (var index in graph.LiveNodes())
        {
            var node = graph.Nodes[index];
            var layer = model.LayerOf(index);
            var emitter = LayerEmitters.For(layer);
            var reference = LayerEmitters.Reference(layer);
            var plain = string.Join(", ", node.Inputs.Select(v => names[v]));
            var arguments = masks.Arguments(layer, node, plain);
            var value = graph.ValueOf(index);
            var shape = model.Nodes[index].Output;
            if (fused.TryGetValue(value, out var activation))
            {
                var logitsName = graph.Outputs.Count == 1 ? "logits" : graph.Outputs.First(o => o.Value == value).Name + "_logits";
                var logits = emitter.ForwardLogits(layer, reference, arguments)
                    ?? throw new InvalidOperationException($"{layer.TypeName} '{layer.Name}' cannot split off its activation");
                lines.Add(new CodeLine($"var {logitsName} = {logits};", $"{shape}, {activation.ToString().ToLowerInvariant()} fused into the loss"));
                names[value] = logitsName;
            }
            else
            {
                var name = "x" + (lines.Count - maskLines + 1);
                lines.Add(new CodeLine($"var {name} = {emitter.Forward(layer, reference, arguments, mode)};", shape.ToString()));
                names[value] = name;
            }

            if (masks.After(index, layer, reference, plain) is { } maskLine)
            {
                lines.Add(maskLine);
                maskLines++;
            }
        }

        return (lines, graph.Outputs.Select(o => names[o.Value]).ToList());
    }
}
