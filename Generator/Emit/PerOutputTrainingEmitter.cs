using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the training surface of a functional model trained per output (<c>[Compile(optimizer)]</c>
/// and one <c>[Output(name, loss)]</c> per output): the <c>Targets</c> record, typed <c>Fit</c> and
/// <c>Evaluate</c>, and the two steps, whose total loss is the weighted sum of the outputs' losses.
/// </summary>
internal static class PerOutputTrainingEmitter
{
    // /// <param name="Cls">Target of output 'cls' (SparseCategoricalCrossentropy): class indices (batch,), int64.</param>
    // /// <param name="Value">Target of output 'value' (MeanSquaredError): (batch, 1).</param>
    // public sealed record Targets(global::TorchSharp.torch.Tensor Cls, global::TorchSharp.torch.Tensor Value);
    /// <summary>Writes the <c>Targets</c> record, each property documented with the form its loss reads.</summary>
    public static void WriteTargets(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        writer.Line($"/// <summary>The targets of <c>{model.Declaration.Type.Name}</c> for Fit and Evaluate, one per output, each batch first.</summary>");
        foreach (var output in graph.Outputs)
        {
            var loss = Config(model, output).Compile.Loss;
            var form = loss == LossKind.SparseCategoricalCrossentropy ? "class indices (batch,), int64" : model.ShapeOf(output.Value).ToString();
            writer.Line($"/// <param name=\"{MultiIoEmitter.Property(output.Name)}\">Target of output '{output.Name}' ({loss}): {Literals.Xml(form)}.</param>");
        }

        writer.Line($"public sealed record Targets({string.Join(", ", graph.Outputs.Select(o => $"{TypeNames.Tensor} {MultiIoEmitter.Property(o.Name)}"))});");
    }

    // private static readonly global::StaticKeras.OutputSpec[] s_outputs =
    // {
    //     new("cls", new("cls", new long[] { 10 }, new string?[] { null }), global::StaticKeras.Loss.SparseCategoricalCrossentropy,
    //         new global::StaticKeras.Metric[] { global::StaticKeras.Metric.Accuracy }),
    //     new("value", new("value", new long[] { 1 }, new string?[] { null }), global::StaticKeras.Loss.MeanSquaredError,
    //         global::System.Array.Empty<global::StaticKeras.Metric>()),
    // };
    //
    // public global::StaticKeras.Callbacks.History Fit(Inputs x, Targets y, int epochs = 1, ...) => FitMany(...);
    // public global::StaticKeras.Training.EvaluationResult Evaluate(Inputs x, Targets y, int batchSize = 32, int? verbose = null) => EvaluateMany(...);
    /// <summary>Writes the output specs, <c>Fit</c> and <c>Evaluate</c>.</summary>
    public static void WriteFitAndEvaluate(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        writer.Line($"private static readonly global::StaticKeras.OutputSpec[] s_outputs =");
        writer.Line("{");
        foreach (var output in graph.Outputs)
        {
            var compile = Config(model, output).Compile;
            var metrics = compile.Metrics;
            var array = metrics.Count == 0 ? "global::System.Array.Empty<global::StaticKeras.Metric>()"
                : "new global::StaticKeras.Metric[] { " + string.Join(", ", metrics.Select(m => "global::StaticKeras.Metric." + m)) + " }";
            writer.Line($"    new({Literals.String(output.Name)}, {InfoEmitter.Spec(output.Name, model.ShapeOf(output.Value))}, global::StaticKeras.Loss.{compile.Loss}, {array}),");
        }

        writer.Line("};");
        writer.Line();
        var xs = "new[] { " + string.Join(", ", graph.Inputs.Select(i => "x." + MultiIoEmitter.Property(i.Name))) + " }";
        var specs = "new[] { " + string.Join(", ", graph.Inputs.Select(i => $"s_{i.Name}Spec")) + " }";
        var ys = "new[] { " + string.Join(", ", graph.Outputs.Select(o => "y." + MultiIoEmitter.Property(o.Name))) + " }";
        writer.Line("/// <summary>");
        writer.Line("/// Trains the model as Keras' <c>model.fit</c>: every input and target is split, shuffled and batched at the same rows;");
        writer.Line("/// the loss is " + Literals.Xml(string.Join(" + ", graph.Outputs.Select(o => Weighted(Config(model, o).LossWeight, o.Name + "_loss")))) + ".");
        writer.Line("/// </summary>");
        writer.Line("/// <returns>The History: <c>loss</c>, <c>{output}_loss</c>, <c>{output}_{metric}</c> and their <c>val_</c> versions.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An input of the wrong shape or dtype (the message names it), tensors of different lengths, or an invalid argument.</exception>");
        using (writer.Block("public global::StaticKeras.Callbacks.History Fit(Inputs x, Targets y, int epochs = 1, int batchSize = 32, int? verbose = null, "
            + "global::System.Collections.Generic.IEnumerable<global::StaticKeras.Callbacks.Callback>? callbacks = null, double validationSplit = 0, "
            + "(Inputs X, Targets Y)? validationData = null, bool shuffle = true)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(x);");
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(y);");
            writer.Line($"({TypeNames.Tensor}[] X, {TypeNames.Tensor}[] Y)? validation = null;");
            using (writer.Block("if (validationData is { } v)"))
            {
                writer.Line($"validation = ({xs.Replace("x.", "v.X.")}, {ys.Replace("y.", "v.Y.")});");
            }

            writer.Line();
            writer.Line($"return FitMany({xs}, {specs}, {ys}, s_outputs, TrainStepMany, TestStepMany,");
            writer.Line("    epochs, batchSize, verbose, callbacks, validationSplit, validation, shuffle);");
        }

        writer.Line();
        writer.Line("/// <summary>Computes the losses and metrics in inference mode, as Keras' <c>model.evaluate</c>.</summary>");
        writer.Line("/// <returns>The logs: <c>loss</c>, each <c>{output}_loss</c>, then each output's metrics.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An input of the wrong shape or dtype (the message names it), or tensors of different lengths.</exception>");
        using (writer.Block("public global::StaticKeras.Training.EvaluationResult Evaluate(Inputs x, Targets y, int batchSize = 32, int? verbose = null)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(x);");
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(y);");
            writer.Line($"return EvaluateMany({xs}, {specs}, {ys}, s_outputs, TestStepMany, batchSize, verbose);");
        }
    }

    // private global::StaticKeras.MultiStepOutput TrainStepMany(global::TorchSharp.torch.Tensor[] x, global::TorchSharp.torch.Tensor[] y)
    // {
    //     var x1 = conv.Call(x[0]);                                 // (batch, 26, 26, 8)
    //     var cls_logits = classifier.CallLinear(x5);               // (batch, 10), softmax fused into the loss
    //     var x7 = regressor.Call(x5);                              // (batch, 1)
    //     var cls_loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], cls_logits, fromLogits: true);
    //     var value_loss = global::StaticKeras.Losses.LossFunctions.MeanSquaredError(y[1], x7);
    //     var loss = cls_loss + value_loss * 0.5;
    //     ApplyGradients(loss);                                     // backward: autograd
    //     return new(loss, new[] { cls_loss, value_loss }, new[] { cls_logits.softmax(-1), x7 });
    // }
    /// <summary>Writes <c>TrainStepMany</c> and <c>TestStepMany</c>.</summary>
    public static void WriteSteps(CodeWriter writer, InferredModel model)
    {
        WriteStep(writer, model, "TrainStepMany", CallMode.Training);
        writer.Line();
        WriteStep(writer, model, "TestStepMany", CallMode.Evaluation);
    }

    private static void WriteStep(CodeWriter writer, InferredModel model, string name, CallMode mode)
    {
        var graph = model.Graph;
        var plans = graph.Outputs.Select(o => Plan(model, o)).ToList();
        var fused = new Dictionary<int, ActivationKind>();
        for (var i = 0; i < graph.Outputs.Count; i++)
        {
            if (plans[i].FusedActivation is { } activation && !fused.ContainsKey(graph.Outputs[i].Value))
            {
                fused[graph.Outputs[i].Value] = activation;
            }
        }

        writer.Line($"// {(mode == CallMode.Training ? "Forward, the weighted sum of the outputs' losses, one optimizer update." : "The same forward in inference mode and the losses.")}");
        using (writer.Block($"private global::StaticKeras.MultiStepOutput {name}({TypeNames.Tensor}[] x, {TypeNames.Tensor}[] y)"))
        {
            var (lines, outputs) = ForwardPass.Lines(model, graph.Inputs.Select((_, i) => $"x[{i}]").ToList(), mode, fused);
            for (var i = 0; i < graph.Outputs.Count; i++)
            {
                lines.Add(new CodeLine($"var {graph.Outputs[i].Name}_loss = {plans[i].Call($"y[{i}]", outputs[i])};"));
            }

            lines.Add(new CodeLine("var loss = " + string.Join(" + ", graph.Outputs.Select(o => Weighted(Config(model, o).LossWeight, o.Name + "_loss"))) + ";"));
            if (mode == CallMode.Training)
            {
                lines.AddRange(BackwardEmitter.Lines("loss"));
            }

            lines.Add(new CodeLine(
                $"return new(loss, new[] {{ {string.Join(", ", graph.Outputs.Select(o => o.Name + "_loss"))} }}, "
                + $"new[] {{ {string.Join(", ", graph.Outputs.Select((o, i) => plans[i].Predictions(outputs[i])))} }});"));
            writer.Lines(lines);
        }
    }

    // An output's activation is fused into its loss only when no other call reads the output.
    private static LossPlan Plan(InferredModel model, GraphOutput output)
    {
        var graph = model.Graph;
        var compile = Config(model, output).Compile;
        var plan = LossPlan.For(compile, model.LayerOf(output.Value - graph.Inputs.Count));
        var readElsewhere = graph.LiveNodes().Any(i => graph.Nodes[i].Inputs.Contains(output.Value))
            || graph.Outputs.Count(o => o.Value == output.Value) > 1;
        return readElsewhere && plan.FusedActivation is not null ? new LossPlan(compile.Loss, compile.FromLogits, null) : plan;
    }

    private static OutputCompileDeclaration Config(InferredModel model, GraphOutput output) =>
        model.Declaration.Outputs.First(c => c.Name == output.Name);

    private static string Weighted(double weight, string loss) => weight == 1.0 ? loss : $"{loss} * {Formatting.Double(weight)}";
}
