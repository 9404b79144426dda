using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// The forward lines shared by <c>Call</c>, <c>TrainStep</c> and <c>TestStep</c>, each ending with its
/// static shape. With a fused activation the last layer stops before it and names its result
/// <c>logits</c>.
/// </summary>
internal static class ForwardPass
{
    // var x1 = flatten.Call(inputs);       // (batch, 784)
    // var x2 = hidden.Call(x1);            // (batch, 128)
    // var logits = output.CallLinear(x2);  // (batch, 10), softmax fused into the loss
    /// <summary>The lines from <paramref name="input"/>, and the name of the tensor they end with.</summary>
    public static (List<CodeLine> Lines, string Output) Lines(InferredModel model, string input, CallMode mode, ActivationKind? fusedActivation)
    {
        var lines = new List<CodeLine>();
        var current = input;
        var layers = model.Layers.ToList();
        for (var i = 0; i < layers.Count; i++)
        {
            var (layer, shape) = layers[i];
            var emitter = LayerEmitters.For(layer);
            var reference = LayerEmitters.Reference(layer);
            if (i == layers.Count - 1 && fusedActivation is { } activation)
            {
                var logits = emitter.ForwardLogits(layer, reference, current)
                    ?? throw new InvalidOperationException($"{layer.TypeName} '{layer.Name}' cannot split off its activation");
                lines.Add(new CodeLine($"var logits = {logits};", $"{shape.Output}, {activation.ToString().ToLowerInvariant()} fused into the loss"));
                current = "logits";
            }
            else
            {
                var name = "x" + (i + 1);
                lines.Add(new CodeLine($"var {name} = {emitter.Forward(layer, reference, current, mode)};", shape.Output.ToString()));
                current = name;
            }
        }

        return (lines, current);
    }
}
