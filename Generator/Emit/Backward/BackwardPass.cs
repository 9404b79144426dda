using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// The explicit training step: the forward with each layer's backward emitter (saving what its
/// backward needs), and the backward pass in reverse graph order, each line with the shape of the
/// gradient it computes. A value read by several calls gets the sum of their gradients; a shared
/// layer's calls each add to its weights' gradients. The step runs under <c>no_grad()</c>: only
/// layers without explicit kernels record a one-layer autograd graph.
/// </summary>
internal static class BackwardPass
{
    /// <summary>The loss of one output, as the backward pass starts from it.</summary>
    /// <param name="Plan">How the loss is computed (which activation it fuses).</param>
    /// <param name="Weight">The output's loss weight.</param>
    /// <param name="Targets">The targets' expression (<c>y[0]</c>).</param>
    /// <param name="SampleWeight">The sample weights' expression (<c>sampleWeight[0]</c>).</param>
    /// <param name="Computed">The local already holding dL/doutput (a fused loss computed it with the loss), or null.</param>
    internal sealed record OutputLoss(LossPlan Plan, double Weight, string Targets, string SampleWeight, string? Computed = null);

    // using var tape = global::TorchSharp.torch.no_grad();  // explicit backward: no autograd tape
    // ZeroGradients();                                      // every weight's .grad: a zeroed buffer
    /// <summary>The step's first lines for <paramref name="model"/>.</summary>
    public static IEnumerable<CodeLine> Start(InferredModel model)
    {
        yield return new CodeLine(
            "using var tape = global::TorchSharp.torch.no_grad();",
            IsFullyExplicit(model) ? "explicit backward below: no autograd tape" : "explicit backward below: autograd only inside the recorded layers");
        yield return new CodeLine("ZeroGradients();", "every trainable weight's .grad: a zeroed buffer");
    }

    // var x1 = flatten.Call(x[0]);                           // (batch, 784)
    // var x3 = drop.Call(x2, training: true, out var x3_mask);  // (batch, 128)
    /// <summary>The forward lines of the explicit step from <paramref name="inputs"/>.</summary>
    public static ForwardResult Forward(InferredModel model, IReadOnlyList<string> inputs, IReadOnlyDictionary<int, ActivationKind> fused)
    {
        var needs = NeedsGradient(model);
        return ForwardPass.Build(model, inputs, CallMode.Training, fused, call =>
        {
            var node = Node(model, needs, call.Index, call.Reference, call.Inputs, call.Name, call.Logits);
            var emitter = BackwardEmitters.For(call.Layer);
            var planned = call.Inputs.Count == 1 && KnownDims(model.Nodes[call.Index].Output) is { } dims
                ? emitter.ForwardInto(node, MemoryPlan.Into(call.Name, call.Inputs[0], dims))
                : null;
            return (planned ?? emitter.Forward(node), emitter is AutogradBackwardEmitter ? "recorded for autograd" : null);
        });
    }

    // // backward: dL/dlogits (batch, 10), softmax and cross-entropy fused
    // var dlogits = global::StaticKeras.Losses.LossGradients.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0]);
    // var dx3 = output.BackwardLinear(dlogits, x3);  // (batch, 128); kernel, bias gradients
    // var dx2 = drop.Backward(dx3, x3_mask);         // (batch, 128)
    // hidden.BackwardWeights(dx2, x1, x2);           // kernel, bias gradients
    // ApplyGradients();                              // optimizer step from the .grad buffers
    /// <summary>The backward lines, from each output's loss gradient to the optimizer step.</summary>
    public static List<CodeLine> Lines(InferredModel model, ForwardResult forward, IReadOnlyList<OutputLoss> losses)
    {
        var graph = model.Graph;
        var needs = NeedsGradient(model);
        var gradients = new Dictionary<int, string>();
        var lines = new List<CodeLine>();

        void Contribute(int value, string expression, string? comment)
        {
            if (gradients.TryGetValue(value, out var existing))
            {
                lines.Add(new CodeLine($"{existing} = {existing}.add({expression});", (comment ?? model.ShapeOf(value).ToString()) + "; summed: read by several calls"));
                return;
            }

            var name = "d" + forward.Names[value];
            gradients[value] = name;
            lines.Add(new CodeLine($"var {name} = {expression};", comment));
        }

        for (var i = 0; i < graph.Outputs.Count; i++)
        {
            var value = graph.Outputs[i].Value;
            if (!needs.Contains(value))
            {
                continue;
            }

            var loss = losses[i];
            var output = forward.Names[value];
            var fused = loss.Plan.FusedActivation is { } activation ? $", {activation.ToString().ToLowerInvariant()} and {loss.Plan.Loss} fused" : "";
            if (loss.Computed is { } computed)
            {
                lines.Add(new CodeLine($"// backward: from dL/d{output} {model.ShapeOf(value)}{fused}, written by the loss above"));
                gradients[value] = computed;
                continue;
            }

            lines.Add(new CodeLine($"// backward: dL/d{output} {model.ShapeOf(value)}{fused}"));
            Contribute(value, loss.Plan.Gradient(loss.Targets, output, loss.SampleWeight, loss.Weight), null);
        }

        foreach (var index in graph.LiveNodes().Reverse())
        {
            var value = graph.ValueOf(index);
            if (!gradients.TryGetValue(value, out var gradOutput))
            {
                continue;
            }

            var graphNode = graph.Nodes[index];
            var layer = model.LayerOf(index);
            var node = Node(model, needs, index, LayerEmitters.Reference(layer), graphNode.Inputs.Select(v => forward.Names[v]).ToList(), forward.Names[value], forward.Names[value].EndsWith("logits", System.StringComparison.Ordinal));
            var emitter = BackwardEmitters.For(layer);
            var note = emitter.Note(node) ?? (node.HasWeights ? string.Join(", ", model.Nodes[index].Weights.Where(w => w.Trainable).Select(w => w.Name)) + " gradients" : null);
            if (!node.AnyInputGradient)
            {
                if (emitter.WeightsOnly(node, gradOutput) is { } statement)
                {
                    lines.Add(new CodeLine(statement + ";", note));
                }

                continue;
            }

            var expression = emitter.InputGradient(node, gradOutput);
            if (graphNode.Inputs.Count == 1)
            {
                // The first gradient of a value may go into a buffer of the memory plan; later ones are added to it.
                var input = graphNode.Inputs[0];
                var planned = !gradients.ContainsKey(input) && KnownDims(model.ShapeOf(input)) is { } dims
                    ? emitter.InputGradientInto(node, gradOutput, MemoryPlan.Into("d" + forward.Names[input], gradOutput, dims))
                    : null;
                Contribute(input, planned ?? expression, Comment(model.ShapeOf(input).ToString(), note));
                continue;
            }

            var several = gradOutput + "_inputs";
            lines.Add(new CodeLine($"var {several} = {expression};", Comment(string.Join(", ", graphNode.Inputs.Select(v => model.ShapeOf(v).ToString())), note)));
            for (var i = 0; i < graphNode.Inputs.Count; i++)
            {
                if (node.NeedsInputGradient[i])
                {
                    Contribute(graphNode.Inputs[i], $"{several}[{i}]", model.ShapeOf(graphNode.Inputs[i]).ToString());
                }
            }
        }

        lines.Add(new CodeLine("ApplyGradients();", "optimizer step from the .grad buffers"));
        return lines;
    }

    /// <summary>Whether every live layer of <paramref name="model"/> has explicit kernels: its step then records no autograd graph at all.</summary>
    public static bool IsFullyExplicit(InferredModel model) =>
        model.Graph.LiveNodes().All(i => !BackwardEmitters.UsesAutograd(model.LayerOf(i)));

    // The sizes after the batch axis when all are known at build time (a planned buffer needs them), else null.
    internal static long[]? KnownDims(Shapes.Shape shape) => shape.IsFullyKnown ? shape.Dims.Select(d => d.Size).ToArray() : null;

    private static string? Comment(string shape, string? note) => note is null ? shape : shape + "; " + note;

    private static BackwardNode Node(InferredModel model, HashSet<int> needs, int index, string reference, IReadOnlyList<string> inputs, string output, bool logits) =>
        new(model.LayerOf(index), reference, inputs, output, model.Graph.Nodes[index].Inputs.Select(needs.Contains).ToList(), logits, HasWeights(model, index),
            KnownDims(model.ShapeOf(model.Graph.ValueOf(index))));

    private static bool HasWeights(InferredModel model, int index) => model.Nodes[index].Weights.Any(w => w.Trainable);

    // The values whose gradient the backward pass computes: those some trainable weight feeds
    // (a model input, or a value computed from inputs by weightless layers only, needs none).
    private static HashSet<int> NeedsGradient(InferredModel model)
    {
        var graph = model.Graph;
        var needs = new HashSet<int>();
        foreach (var index in graph.LiveNodes())
        {
            if (HasWeights(model, index) || graph.Nodes[index].Inputs.Any(needs.Contains))
            {
                needs.Add(graph.ValueOf(index));
            }
        }

        return needs;
    }
}
