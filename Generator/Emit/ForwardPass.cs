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
        var result = Build(model, inputs, mode, fused, null);
        return (result.Lines, result.Outputs);
    }

    /// <summary>
    /// The forward lines as <see cref="Lines(InferredModel, IReadOnlyList{string}, CallMode, IReadOnlyDictionary{int, ActivationKind})"/>
    /// writes them, with every local's name; <paramref name="call"/>, when given, writes each call's
    /// expression and an optional note for its comment instead (an explicit training step's forward).
    /// </summary>
    public static ForwardResult Build(
        InferredModel model, IReadOnlyList<string> inputs, CallMode mode, IReadOnlyDictionary<int, ActivationKind> fused,
        Func<ForwardCall, (string Expression, string? Note)>? call)
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
            var arguments = node.Inputs.Select(v => names[v]).ToList();
            var plain = string.Join(", ", arguments);
            var value = graph.ValueOf(index);
            var shape = model.Nodes[index].Output;
            var logits = fused.TryGetValue(value, out var activation);
            var name = logits
                ? (graph.Outputs.Count == 1 ? "logits" : graph.Outputs.First(o => o.Value == value).Name + "_logits")
                : "x" + (lines.Count - maskLines + 1);
            string expression;
            string? note = null;
            if (call is not null)
            {
                (expression, note) = call(new ForwardCall(index, layer, reference, arguments, name, logits));
            }
            else if (logits)
            {
                expression = emitter.ForwardLogits(layer, reference, masks.Arguments(layer, node, plain))
                    ?? throw new InvalidOperationException($"{layer.TypeName} '{layer.Name}' cannot split off its activation");
            }
            else
            {
                // A layer that takes a mask gets it named (`lstm.Call(x1, mask: mask1)`); models with masks train through autograd.
                expression = emitter.Forward(layer, reference, masks.Arguments(layer, node, plain), mode);
            }

            var comment = logits ? $"{shape}, {activation.ToString().ToLowerInvariant()} fused into the loss" : shape.ToString();
            lines.Add(new CodeLine($"var {name} = {expression};", note is null ? comment : comment + "; " + note));
            names[value] = name;
            if (masks.After(index, layer, reference, plain) is { } maskLine)
            {
                lines.Add(maskLine);
                maskLines++;
            }
        }

        // Keras weighs a sequence output's loss and metrics by the mask it carries.
        return new ForwardResult(lines, graph.Outputs.Select(o => names[o.Value]).ToList(), names)
        {
            OutputMasks = graph.Outputs.Select(o => masks.NameOf(o.Value)).ToList(),
        };
    }
}

/// <summary>One call of the forward pass, for a writer of explicit training steps.</summary>
/// <param name="Index">The node's index in the graph.</param>
/// <param name="Layer">The layer called.</param>
/// <param name="Reference">How the method refers to the layer member.</param>
/// <param name="Inputs">The locals it reads.</param>
/// <param name="Name">The local its result gets.</param>
/// <param name="Logits">Whether the call stops before its activation, which the loss fuses.</param>
internal sealed record ForwardCall(int Index, LayerDeclaration Layer, string Reference, IReadOnlyList<string> Inputs, string Name, bool Logits);

/// <summary>The forward lines, the output locals in output order, and the local of every value.</summary>
/// <param name="Lines">The lines.</param>
/// <param name="Outputs">The locals of the model's outputs.</param>
/// <param name="Names">The local (or input expression) of each value.</param>
internal sealed record ForwardResult(List<CodeLine> Lines, IReadOnlyList<string> Outputs, IReadOnlyDictionary<int, string> Names)
{
    /// <summary>The mask each output carries (<c>mask1</c>), null for an output without one; empty when the writer tracks no masks.</summary>
    public IReadOnlyList<string?> OutputMasks { get; init; } = [];
}
