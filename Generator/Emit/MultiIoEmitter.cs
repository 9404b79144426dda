using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the typed surface of a functional model with several inputs or outputs: the nested
/// <c>Inputs</c> and <c>Outputs</c> records (one property per input or output, named after it), a
/// typed <c>Call</c> that checks each input by name, a typed <c>Predict</c>, and the one-tensor
/// <c>Call</c> of <see cref="Model"/>, which throws and points at the typed one. Positional lists of
/// tensors never appear in the public API.
/// </summary>
internal static class MultiIoEmitter
{
    /// <summary>Whether <paramref name="graph"/> needs the typed surface instead of one tensor in, one out.</summary>
    public static bool IsMulti(ModelDeclaration model, GraphDeclaration graph) =>
        graph.Inputs.Count > 1 || graph.Outputs.Count > 1 || model.TrainsPerOutput;

    /// <summary>The record property for input or output <paramref name="name"/>: <c>image</c> -> <c>Image</c>.</summary>
    public static string Property(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

    // /// <summary>The inputs of <c>TwoHead</c>, each batch first.</summary>
    // /// <param name="Image">Input 'image': (batch, 28, 28, 1).</param>
    // public sealed record Inputs(global::TorchSharp.torch.Tensor Image, global::TorchSharp.torch.Tensor Features);
    /// <summary>Writes the <c>Inputs</c> record and, with several outputs, the <c>Outputs</c> record.</summary>
    public static void WriteRecords(CodeWriter writer, InferredModel model)
    {
        var name = model.Declaration.Type.Name;
        WriteRecord(writer, "Inputs", $"The inputs of <c>{name}</c>, each batch first.", "Input",
            model.Graph.Inputs.Select(i => (i.Name, i.Shape)));
        if (model.Graph.Outputs.Count > 1)
        {
            writer.Line();
            WriteRecord(writer, "Outputs", $"The outputs of <c>{name}</c>, each batch first.", "Output",
                model.Graph.Outputs.Select(o => (o.Name, model.ShapeOf(o.Value))));
        }
    }

    /// <summary>Writes one record of tensors, with a doc line per property giving its shape.</summary>
    public static void WriteRecord(CodeWriter writer, string record, string summary, string kind, IEnumerable<(string Name, Shape Shape)> tensors)
    {
        var list = tensors.ToList();
        writer.Line($"/// <summary>{summary}</summary>");
        foreach (var (name, shape) in list)
        {
            writer.Line($"/// <param name=\"{Property(name)}\">{kind} '{name}': {Literals.Xml(shape.ToString())}.</param>");
        }

        writer.Line($"public sealed record {record}({string.Join(", ", list.Select(t => $"{TypeNames.Tensor} {Property(t.Name)}"))});");
    }

    // private static readonly global::StaticKeras.TensorSpec s_image = new("image", new long[] { 28, 28, 1 }, new string?[] { null, null, null });
    /// <summary>Writes one <c>TensorSpec</c> field per input, for the input guards.</summary>
    public static void WriteSpecs(CodeWriter writer, InferredModel model)
    {
        foreach (var input in model.Graph.Inputs)
        {
            writer.Line($"private static readonly {TypeNames.TensorSpec} s_{input.Name}Spec = {InfoEmitter.Spec(input.Name, input.Shape)};");
        }
    }

    // /// <summary>The forward pass: image (batch, 28, 28, 1), features (batch, 4) -> cls (batch, 10), value (batch, 1).</summary>
    // public Outputs Call(Inputs inputs, bool training = false)
    // {
    //     GuardInput(inputs.Image, s_imageSpec);
    //     GuardInput(inputs.Features, s_featuresSpec);
    //     var x1 = conv.Call(inputs.Image);  // (batch, 26, 26, 8)
    //     ...
    //     return new(x6, x7);
    // }
    /// <summary>Writes the typed <c>Call</c>, which always applies the output activations.</summary>
    public static void WriteCall(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        var returns = graph.Outputs.Count > 1 ? "Outputs" : TypeNames.Tensor;
        writer.Line($"/// <summary>The forward pass: {Literals.Xml(Describe(model))}.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An input of the wrong shape or dtype; the message names it.</exception>");
        using (writer.Block($"public {returns} Call(Inputs inputs, bool training = false)"))
        {
            var (lines, outputs) = ForwardPass.Lines(
                model, graph.Inputs.Select(i => "inputs." + Property(i.Name)).ToList(), CallMode.Forward, new Dictionary<int, ActivationKind>());
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(inputs);");
            foreach (var input in graph.Inputs)
            {
                writer.Line($"GuardInput(inputs.{Property(input.Name)}, s_{input.Name}Spec);");
            }

            lines.Add(new CodeLine(graph.Outputs.Count > 1 ? $"return new({string.Join(", ", outputs)});" : $"return {outputs[0]};"));
            writer.Lines(lines);
        }
    }

    // /// <summary>Keras' model.predict: ... </summary>
    // public Outputs Predict(Inputs x, int batchSize = 32, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    // {
    //     global::System.ArgumentNullException.ThrowIfNull(x);
    //     var outputs = PredictMany(new[] { x.Image, x.Features }, new[] { s_imageSpec, s_featuresSpec }, batch => { var o = Call(new Inputs(batch[0], batch[1])); return new[] { o.Cls, o.Value }; }, batchSize, verbose, callbacks);
    //     return new(outputs[0], outputs[1]);
    // }
    /// <summary>Writes the typed <c>Predict</c>.</summary>
    public static void WritePredict(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        var several = graph.Outputs.Count > 1;
        var inputs = graph.Inputs.Select(i => i.Name).ToList();
        writer.Line("/// <summary>Runs the forward pass in inference mode batch by batch and concatenates each output, as Keras' <c>model.predict</c>.</summary>");
        writer.Line("/// <param name=\"x\">The inputs, each with the same number of samples.</param>");
        writer.Line("/// <param name=\"batchSize\">Samples per batch.</param>");
        writer.Line("/// <param name=\"verbose\">0 silent (the default), 1 progress bar, 2 one line.</param>");
        writer.Line("/// <param name=\"callbacks\">Callbacks; their predict hooks are called.</param>");
        writer.Line("/// <returns>The outputs for every sample: new tensors owned by the caller's dispose scope, if any.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An input of the wrong shape or dtype (the message names it), inputs of different lengths, or an invalid batch size.</exception>");
        var batch = string.Join(", ", inputs.Select((_, i) => $"batch[{i}]"));
        var results = several ? "{ var o = Call(new Inputs(" + batch + ")); return new[] { " + string.Join(", ", graph.Outputs.Select(o => "o." + Property(o.Name))) + " }; }"
            : "new[] { Call(new Inputs(" + batch + ")) }";
        using (writer.Block($"public {(several ? "Outputs" : TypeNames.Tensor)} Predict(Inputs x, int batchSize = 32, int verbose = 0, "
            + "global::System.Collections.Generic.IEnumerable<global::StaticKeras.Callbacks.Callback>? callbacks = null)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(x);");
            writer.Line($"var outputs = PredictMany(");
            writer.Line($"    new[] {{ {string.Join(", ", inputs.Select(i => "x." + Property(i)))} }},");
            writer.Line($"    new[] {{ {string.Join(", ", inputs.Select(i => $"s_{i}Spec"))} }},");
            writer.Line($"    batch => {results},");
            writer.Line("    batchSize, verbose, callbacks);");
            writer.Line(several ? $"return new({string.Join(", ", graph.Outputs.Select((_, i) => $"outputs[{i}]"))});" : "return outputs[0];");
        }

        writer.Line();
        WritePredictDataset(writer, model, results);
    }

    // /// <summary>Keras' model.predict(dataset): ... </summary>
    // public Outputs Predict(global::StaticKeras.Data.Dataset<Inputs> data, int verbose = 0)
    // {
    //     global::System.ArgumentNullException.ThrowIfNull(data);
    //     var outputs = PredictMany(data.Map(x => x is null ? null! : new[] { x.Image, x.Features }), batch => { ... }, verbose);
    //     return new(outputs[0], outputs[1]);
    // }
    private static void WritePredictDataset(CodeWriter writer, InferredModel model, string results)
    {
        var graph = model.Graph;
        var several = graph.Outputs.Count > 1;
        writer.Line("/// <summary>Runs the forward pass in inference mode on each batch of a dataset and joins each output, as Keras' <c>model.predict(dataset)</c>.</summary>");
        writer.Line("/// <param name=\"data\">Batches of the inputs; each step disposes its batch, so every pass must make new tensors.</param>");
        writer.Line("/// <param name=\"verbose\">0 silent (the default), 1 progress bar, 2 one line.</param>");
        writer.Line("/// <returns>The outputs for every sample: new tensors owned by the caller's dispose scope, if any.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A batch's input of the wrong shape or dtype (the message names it and the batch).</exception>");
        using (writer.Block($"public {(several ? "Outputs" : TypeNames.Tensor)} Predict({TypeNames.Dataset}<Inputs> data, int verbose = 0)"))
        {
            writer.Line($"{TypeNames.ArgumentNullException}.ThrowIfNull(data);");
            writer.Line("var outputs = PredictMany(");
            writer.Line($"    data.Map(x => x is null ? null! : {Tensors("x.", graph.Inputs.Select(i => i.Name))}),");
            writer.Line($"    batch => {results},");
            writer.Line("    verbose);");
            writer.Line(several ? $"return new({string.Join(", ", graph.Outputs.Select((_, i) => $"outputs[{i}]"))});" : "return outputs[0];");
        }
    }

    /// <summary><c>new[] { x.Image, x.Features }</c>: a record's tensors in declaration order.</summary>
    public static string Tensors(string prefix, IEnumerable<string> names) =>
        "new[] { " + string.Join(", ", names.Select(n => prefix + Property(n))) + " }";

    // public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) =>
    //     throw new global::System.NotSupportedException("TwoHead takes 2 inputs (image, features): call Call(new TwoHead.Inputs(image, features)).");
    /// <summary>Writes the one-tensor <c>Call</c> of <c>Model</c>, which throws and names the typed member to use.</summary>
    public static void WriteOneTensorCall(CodeWriter writer, InferredModel model)
    {
        var name = model.Declaration.Type.Name;
        var names = string.Join(", ", model.Graph.Inputs.Select(i => i.Name));
        writer.Line("/// <summary>Throws: this model takes its inputs as <see cref=\"Inputs\"/>; use <c>Call(Inputs)</c>.</summary>");
        writer.Line($"public override {TypeNames.Tensor} Call({TypeNames.Tensor} inputs, bool training = false) => "
            + $"throw new {TypeNames.NotSupportedException}({Literals.String($"{Shape(model)}: call Call(new {name}.Inputs({names})).")});");
    }

    // protected override global::StaticKeras.StepOutput TrainStep(...)
    //     => throw new global::System.InvalidOperationException("TwoHead takes 2 inputs ...: to train it, give [Compile(optimizer)] and ...");
    /// <summary>Writes the steps of a model with no loss for its outputs, which throw and say what to declare.</summary>
    public static void WriteUntrainableSteps(CodeWriter writer, InferredModel model)
    {
        var name = model.Declaration.Type.Name;
        var message = $"{Shape(model)}: to train it, give [Compile(optimizer)] and one [Output(name, loss)] per output, then call Fit({name}.Inputs, {name}.Targets).";
        foreach (var step in new[] { "TrainStep", "TestStep" })
        {
            if (step == "TestStep")
            {
                writer.Line();
            }

            writer.Line("/// <inheritdoc/>");
            StepsEmitter.WriteThrowing(writer, StepsEmitter.Signature(model.Declaration.OverrideModifiers, step), TypeNames.InvalidOperationException, message);
        }
    }

    // TwoHead takes 2 inputs (image, features) and returns 2 outputs (cls, value)
    private static string Shape(InferredModel model)
    {
        var graph = model.Graph;
        return $"{model.Declaration.Type.Name} takes {Formatting.Number(graph.Inputs.Count)} input{(graph.Inputs.Count == 1 ? "" : "s")} "
            + $"({string.Join(", ", graph.Inputs.Select(i => i.Name))}) and returns "
            + $"{Formatting.Number(graph.Outputs.Count)} output{(graph.Outputs.Count == 1 ? "" : "s")} ({string.Join(", ", graph.Outputs.Select(o => o.Name))})";
    }

    /// <summary><c>image (batch, 28, 28, 1), features (batch, 4) -> cls (batch, 10), value (batch, 1)</c>.</summary>
    public static string Describe(InferredModel model) =>
        string.Join(", ", model.Graph.Inputs.Select(i => $"{i.Name} {i.Shape}")) + " -> "
        + string.Join(", ", model.Graph.Outputs.Select(o => $"{o.Name} {model.ShapeOf(o.Value)}"));

}
