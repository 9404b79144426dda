using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit.Backward;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the training surface of a functional model with several inputs or outputs, trained per
/// output (<c>[Compile(optimizer)]</c> and one <c>[Output(name, loss)]</c> per output) or by one
/// <c>[Compile]</c> for its one output: the <c>Targets</c> and <c>SampleWeights</c> records, typed
/// <c>Fit</c> and <c>Evaluate</c>, and the two steps, whose total loss is the weighted sum of the outputs' losses.
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

    // /// <param name="Cls">Weights of output 'cls''s samples, (batch,), or null.</param>
    // public sealed record SampleWeights(global::TorchSharp.torch.Tensor? Cls = null, global::TorchSharp.torch.Tensor? Value = null);
    /// <summary>Writes the <c>SampleWeights</c> record: per output, optional weights of its samples.</summary>
    public static void WriteSampleWeights(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        writer.Line($"/// <summary>Keras' <c>sample_weight</c> per output of <c>{model.Declaration.Type.Name}</c>: one weight &gt;= 0 per sample, shape (batch,), or null for none.</summary>");
        foreach (var output in graph.Outputs)
        {
            writer.Line($"/// <param name=\"{MultiIoEmitter.Property(output.Name)}\">Weights of the samples of output '{output.Name}', or null.</param>");
        }

        writer.Line($"public sealed record SampleWeights({string.Join(", ", graph.Outputs.Select(o => $"{TypeNames.Tensor}? {MultiIoEmitter.Property(o.Name)} = null"))});");
    }

    // public global::StaticKeras.Callbacks.History Fit(Inputs x, Targets y, int epochs = 1, ..., SampleWeights? sampleWeight = null, ...)
    // {
    //     global::System.ArgumentNullException.ThrowIfNull(x);
    //     global::System.ArgumentNullException.ThrowIfNull(y);
    //     return Fit(new[] { x.Image, x.Stats }, new[] { y.Cls, y.Value }, epochs, batchSize, verbose, callbacks, validationSplit,
    //         validationData is { } v ? (new[] { v.X.Image, v.X.Stats }, new[] { v.Y.Cls, v.Y.Value }) : null,
    //         shuffle, initialEpoch, classWeight, sampleWeight is { } w ? new[] { w.Cls, w.Value } : null, validationFreq);
    // }
    // public global::StaticKeras.Training.EvaluationResult Evaluate(Inputs x, Targets y, int batchSize = 32, ...) => Evaluate(...);
    /// <summary>Writes the typed <c>Fit</c> and <c>Evaluate</c>, over the runtime's one training loop.</summary>
    public static void WriteFitAndEvaluate(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        var xs = MultiIoEmitter.Tensors("x.", graph.Inputs.Select(i => i.Name));
        var ys = MultiIoEmitter.Tensors("y.", graph.Outputs.Select(o => o.Name));
        var weights = $"sampleWeight is {{ }} w ? new {TypeNames.Tensor}?[] {{ {string.Join(", ", graph.Outputs.Select(o => "w." + MultiIoEmitter.Property(o.Name)))} }} : null";
        const string callbacks = "global::System.Collections.Generic.IEnumerable<global::StaticKeras.Callbacks.Callback>? callbacks = null";
        writer.Line("/// <summary>");
        writer.Line("/// Trains the model as Keras' <c>model.fit</c>: every input, target and sample weight is split, shuffled and batched at the same rows;");
        writer.Line("/// the loss is " + Literals.Xml(string.Join(" + ", graph.Outputs.Select(o => Weighted(Config(model, o).Weight, o.Name + "_loss")))) + ".");
        writer.Line("/// The arguments are those of the one-tensor <c>Model.Fit</c>, typed: <paramref name=\"sampleWeight\"/> per output;");
        writer.Line("/// <paramref name=\"classWeight\"/> needs a model with one output, as in Keras.");
        writer.Line("/// </summary>");
        writer.Line("/// <returns>The History: <c>loss</c>, <c>{output}_loss</c>, <c>{output}_{metric}</c> and their <c>val_</c> versions.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A tensor of the wrong shape, dtype or length (the message names its input or output), or an invalid argument.</exception>");
        writer.Line("public global::StaticKeras.Callbacks.History Fit(Inputs x, Targets y, int epochs = 1, int batchSize = 32, int? verbose = null,");
        writer.Line($"    {callbacks}, double validationSplit = 0, (Inputs X, Targets Y)? validationData = null,");
        writer.Line("    bool shuffle = true, int initialEpoch = 0, global::System.Collections.Generic.IReadOnlyDictionary<int, double>? classWeight = null,");
        using (writer.Block("    SampleWeights? sampleWeight = null, global::StaticKeras.Training.ValidationFrequency validationFreq = default)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(x);");
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(y);");
            writer.Line($"return Fit({xs}, {ys}, epochs, batchSize, verbose, callbacks, validationSplit,");
            writer.Line($"    validationData is {{ }} v ? ({xs.Replace("x.", "v.X.")}, {ys.Replace("y.", "v.Y.")}) : null,");
            writer.Line($"    shuffle, initialEpoch, classWeight, {weights}, validationFreq);");
        }

        writer.Line();
        writer.Line("/// <summary>Computes the losses and metrics in inference mode, as Keras' <c>model.evaluate</c>; sample weights weigh the losses.</summary>");
        writer.Line("/// <returns>The logs: <c>loss</c>, each <c>{output}_loss</c>, then each output's metrics.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A tensor of the wrong shape, dtype or length (the message names its input or output), or an invalid argument.</exception>");
        using (writer.Block($"public global::StaticKeras.Training.EvaluationResult Evaluate(Inputs x, Targets y, int batchSize = 32, int? verbose = null, {callbacks}, SampleWeights? sampleWeight = null)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(x);");
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(y);");
            writer.Line($"return Evaluate({xs}, {ys}, batchSize, verbose, callbacks, {weights});");
        }

        writer.Line();
        WriteFitAndEvaluateDataset(writer, model, xs, ys);
    }

    // public global::StaticKeras.Callbacks.History Fit(global::StaticKeras.Data.Dataset<(Inputs X, Targets Y)> data, int epochs = 1, ...)
    // {
    //     global::System.ArgumentNullException.ThrowIfNull(data);
    //     return Fit(data.Map(Typed), epochs, verbose, callbacks, validationData?.Map(Typed), initialEpoch, validationFreq);
    //
    //     // One typed batch as the runtime's loop reads it: ...
    //     static (global::TorchSharp.torch.Tensor[] X, global::TorchSharp.torch.Tensor[] Y) Typed((Inputs X, Targets Y) b) =>
    //         (b.X is { } x ? new[] { x.Image, x.Stats } : null!, b.Y is { } y ? new[] { y.Cls, y.Value } : null!);
    // }
    // public global::StaticKeras.Training.EvaluationResult Evaluate(global::StaticKeras.Data.Dataset<(Inputs X, Targets Y)> data, ...) { ... the same ... }
    /// <summary>Writes <c>Fit</c> and <c>Evaluate</c> on a dataset of typed batches, over the runtime's one training loop.</summary>
    private static void WriteFitAndEvaluateDataset(CodeWriter writer, InferredModel model, string xs, string ys)
    {
        const string callbacks = "global::System.Collections.Generic.IEnumerable<global::StaticKeras.Callbacks.Callback>? callbacks = null";
        var dataset = $"{TypeNames.Dataset}<(Inputs X, Targets Y)>";
        writer.Line("/// <summary>");
        writer.Line("/// Trains the model on a dataset of typed batches, as Keras' <c>model.fit(dataset)</c>: each epoch is one pass over");
        writer.Line("/// <paramref name=\"data\"/> (shuffle it with <c>Dataset.Shuffle</c>), each batch checked as tensors given to");
        writer.Line("/// <c>Fit(Inputs, Targets)</c> are, and named by its number when it is wrong. Each step disposes its batch, so every");
        writer.Line("/// pass must make new tensors.");
        writer.Line("/// </summary>");
        writer.Line("/// <returns>The History: <c>loss</c>, <c>{output}_loss</c>, <c>{output}_{metric}</c> and their <c>val_</c> versions.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A batch's tensor of the wrong shape, dtype or length (the message names it and the batch), or an invalid argument.</exception>");
        writer.Line($"public global::StaticKeras.Callbacks.History Fit({dataset} data, int epochs = 1, int? verbose = null,");
        writer.Line($"    {callbacks}, {dataset}? validationData = null,");
        using (writer.Block("    int initialEpoch = 0, global::StaticKeras.Training.ValidationFrequency validationFreq = default)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(data);");
            writer.Line("return Fit(data.Map(Typed), epochs, verbose, callbacks, validationData?.Map(Typed), initialEpoch, validationFreq);");
            WriteTypedBatch(writer, xs, ys);
        }

        writer.Line();
        writer.Line("/// <summary>Computes the losses and metrics on a dataset of typed batches in inference mode, as Keras' <c>model.evaluate(dataset)</c>.</summary>");
        writer.Line("/// <returns>The logs: <c>loss</c>, each <c>{output}_loss</c>, then each output's metrics.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A batch's tensor of the wrong shape, dtype or length (the message names it and the batch).</exception>");
        using (writer.Block($"public global::StaticKeras.Training.EvaluationResult Evaluate({dataset} data, int? verbose = null, {callbacks})"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(data);");
            writer.Line("return Evaluate(data.Map(Typed), verbose, callbacks);");
            WriteTypedBatch(writer, xs, ys);
        }
    }

    // A local function, so the model gains no member name a user's could clash with; a null record
    // becomes a null array, which the runtime reports as a batch holding a null tensor.
    private static void WriteTypedBatch(CodeWriter writer, string xs, string ys)
    {
        writer.Line();
        writer.Line("// One typed batch as the runtime's loop reads it: each input, then each output's targets, in declaration order.");
        writer.Line($"static ({TypeNames.Tensor}[] X, {TypeNames.Tensor}[] Y) Typed((Inputs X, Targets Y) b) =>");
        writer.Line($"    (b.X is {{ }} x ? {xs} : null!, b.Y is {{ }} y ? {ys} : null!);");
    }

    // protected override global::StaticKeras.StepOutput TrainStep(
    //     global::TorchSharp.torch.Tensor[] x, global::TorchSharp.torch.Tensor[] y, global::TorchSharp.torch.Tensor?[] sampleWeight)
    // {
    //     var x1 = conv.Call(x[0]);                                 // (batch, 26, 26, 8)
    //     var cls_logits = classifier.CallLinear(x5);               // (batch, 10), softmax fused into the loss
    //     var x7 = regressor.Call(x5);                              // (batch, 1)
    //     var cls_loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], cls_logits, fromLogits: true, sampleWeight: sampleWeight[0]);
    //     var value_loss = global::StaticKeras.Losses.LossFunctions.MeanSquaredError(y[1], x7, sampleWeight: sampleWeight[1]);
    //     var loss = cls_loss + value_loss * 0.5;
    //     ApplyGradients(loss);                                     // backward: autograd
    //     return new(loss, new[] { cls_loss, value_loss }, new[] { cls_logits.softmax(-1), x7 });
    // }
    /// <summary>Writes <c>TrainStep</c> and <c>TestStep</c>.</summary>
    public static void WriteSteps(CodeWriter writer, InferredModel model)
    {
        WriteStep(writer, model, "TrainStep", CallMode.Training);
        writer.Line();
        WriteStep(writer, model, "TestStep", CallMode.Evaluation);
    }

    /// <summary>How <paramref name="model"/> trains, for <c>Info</c>: per output, or one <c>[Compile]</c> for its one output; <see langword="null"/> when it does not.</summary>
    public static InfoEmitter.Training? Training(InferredModel model)
    {
        var declaration = model.Declaration;
        if (!Trains(declaration))
        {
            return null;
        }

        var outputs = model.Graph.Outputs.Select(o => Config(model, o)).ToList();
        return new InfoEmitter.Training(outputs[0].Compile, outputs, declaration.TrainsPerOutput, declaration.OptimizerOptions);
    }

    /// <summary>Whether the model has a loss for every output: <c>[Output]</c> attributes, or one <c>[Compile]</c> for its one output.</summary>
    public static bool Trains(ModelDeclaration model) => model.TrainsPerOutput || model.Compile is not null;

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

        writer.Line("/// <inheritdoc/>");
        var signature = StepsEmitter.Signature(model.Declaration.OverrideModifiers, name);
        var inputs = graph.Inputs.Select((_, i) => $"x[{i}]").ToList();
        var explicitBackward = mode == CallMode.Training && !TrainingPath.UsesAutograd(model);
        var forward = explicitBackward ? BackwardPass.Forward(model, inputs, fused) : ForwardPass.Build(model, inputs, mode, fused, null);
        var lines = explicitBackward ? BackwardPass.Start(model).Concat(forward.Lines).ToList() : forward.Lines;
        var outputs = forward.Outputs;
        for (var i = 0; i < graph.Outputs.Count; i++)
        {
            lines.Add(new CodeLine($"var {graph.Outputs[i].Name}_loss = {plans[i].Call($"y[{i}]", outputs[i], $"sampleWeight[{i}]", forward.OutputMasks.ElementAtOrDefault(i))};"));
        }

        lines.Add(new CodeLine("var loss = " + string.Join(" + ", graph.Outputs.Select(o => Weighted(Config(model, o).Weight, o.Name + "_loss"))) + ";"));
        if (!explicitBackward && RegularizationLines.Line(model, v => Activated(v, fused, graph, plans, forward.Names)) is { } regularization)
        {
            lines.Add(regularization);   // Keras: each output's loss without the penalties, the total with them
        }
        if (explicitBackward)
        {
            lines.AddRange(BackwardPass.Lines(model, forward, graph.Outputs.Select((o, i) => new BackwardPass.OutputLoss(plans[i], Config(model, o).Weight, $"y[{i}]", $"sampleWeight[{i}]")).ToList()));
        }
        else if (mode == CallMode.Training)
        {
            lines.AddRange(BackwardEmitter.Lines("loss", TrainingPath.Reason(model)));
        }

        lines.Add(new CodeLine(
            $"return new(loss, new[] {{ {string.Join(", ", graph.Outputs.Select(o => o.Name + "_loss"))} }}, "
            + $"new[] {{ {string.Join(", ", graph.Outputs.Select((o, i) => plans[i].Predictions(outputs[i])))} }}"
            + (forward.OutputMasks.Any(m => m is not null) ? $", new {TypeNames.Tensor}?[] {{ {string.Join(", ", forward.OutputMasks.Select(m => m ?? "null"))} }}" : "")
            + ");"));
        if (explicitBackward)
        {
            StepsEmitter.WritePlanned(writer, signature, lines);
            return;
        }

        using (writer.Block(signature))
        {
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

    // An output's loss: its [Output] attribute, or the model's [Compile] for its one output.
    private static (CompileDeclaration Compile, double Weight) Config(InferredModel model, GraphOutput output)
    {
        if (!model.Declaration.TrainsPerOutput)
        {
            return (model.Declaration.Compile!, 1.0);
        }

        var configured = model.Declaration.Outputs.First(c => c.Name == output.Name);
        return (configured.Compile, configured.LossWeight);
    }

    private static string Weighted(double weight, string loss) => weight == 1.0 ? loss : $"{loss} * {Formatting.Double(weight)}";

    // A value's output after its activation: an output whose activation the loss fuses is its logits' activation.
    private static string Activated(
        int value, IReadOnlyDictionary<int, ActivationKind> fused, GraphDeclaration graph, IReadOnlyList<LossPlan> plans, IReadOnlyDictionary<int, string> names)
    {
        var output = graph.Outputs.Select((o, i) => (o.Value, i)).FirstOrDefault(o => o.Value == value && fused.ContainsKey(value));
        return fused.ContainsKey(value) ? plans[output.i].Predictions(names[value]) : names[value];
    }
}
