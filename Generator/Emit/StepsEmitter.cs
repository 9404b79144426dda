using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit.Backward;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes a one-tensor model's <c>Call</c>, <c>TrainStep</c> (forward, loss, backward) and <c>TestStep</c> (forward, loss) from its graph.</summary>
internal static class StepsEmitter
{
    // /// <summary>The forward pass: (batch, 28, 28, 1) -> (batch, 10).</summary>
    // public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false)
    // {
    //     GuardInput(inputs);
    //     var x1 = conv1.Call(inputs);  // (batch, 26, 26, 32)
    //     ...
    //     return x7;
    // }
    /// <summary>Writes <c>Call</c>, which always applies the output activation.</summary>
    public static void WriteCall(CodeWriter writer, InferredModel model)
    {
        var input = model.Graph.Inputs[0].Shape;
        var output = model.ShapeOf(model.Graph.Outputs[0].Value);
        writer.Line($"/// <summary>The forward pass: {Literals.Xml(input.ToString())} -> {Literals.Xml(output.ToString())}.</summary>");
        using (writer.Block($"public override {TypeNames.Tensor} Call({TypeNames.Tensor} inputs, bool training = false)"))
        {
            var (lines, result) = ForwardPass.Lines(model, ["inputs"], CallMode.Forward, fusedActivation: null);
            lines.Insert(0, new CodeLine("GuardInput(inputs);"));
            lines.Add(new CodeLine($"return {result};"));
            writer.Lines(lines);
        }
    }

    // protected override global::StaticKeras.StepOutput TrainStep(
    //     global::TorchSharp.torch.Tensor[] x, global::TorchSharp.torch.Tensor[] y, global::TorchSharp.torch.Tensor?[] sampleWeight)
    // {
    //     var x1 = conv1.Call(x[0]);               // (batch, 26, 26, 32)
    //     var logits = classifier.CallLinear(x6);  // (batch, 10), softmax fused into the loss
    //     var loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0]);
    //     ApplyGradients(loss);                    // backward: autograd (a shared layer's calls add their gradients)
    //     return new(loss, new[] { loss }, new[] { logits.softmax(-1) });
    // }
    /// <summary>Writes <c>TrainStep</c>.</summary>
    public static void WriteTrainStep(CodeWriter writer, InferredModel model) => WriteStep(writer, model, "TrainStep", CallMode.Training);

    // The same forward with training: false and the same loss, without ApplyGradients.
    /// <summary>Writes <c>TestStep</c>.</summary>
    public static void WriteTestStep(CodeWriter writer, InferredModel model) => WriteStep(writer, model, "TestStep", CallMode.Evaluation);

    private static void WriteStep(CodeWriter writer, InferredModel model, string name, CallMode mode)
    {
        var declaration = model.Declaration;
        var signature = Signature(declaration.OverrideModifiers, name);
        writer.Line("/// <inheritdoc/>");
        if (declaration.Compile is not { } compile)
        {
            WriteWithoutCompile(writer, signature, declaration.Type.Name);
            return;
        }

        var plan = Plan(model, compile);
        if (mode == CallMode.Training && !TrainingPath.UsesAutograd(model))
        {
            WritePlanned(writer, signature, ExplicitLines(model, plan));
            return;
        }

        using (writer.Block(signature))
        {

            var outputValue = model.Graph.Outputs[0].Value;
            var fused = new Dictionary<int, ActivationKind>();
            if (plan.FusedActivation is { } activation)
            {
                fused[outputValue] = activation;
            }

            var forward = ForwardPass.Build(model, ["x[0]"], mode, fused, null);
            var output = forward.Outputs[0];
            var lines = forward.Lines;
            var regularization = RegularizationLines.Line(model, v => v == outputValue ? plan.Predictions(output) : forward.Names[v]);
            AddLossLines(lines, plan, output, mode, TrainingPath.Reason(model), regularization, forward.OutputMasks.FirstOrDefault());
            writer.Lines(lines);
        }
    }

    /// <summary>
    /// Writes an explicit training step's method from its <paramref name="lines"/> with their memory plan
    /// applied, then the plan's buffers field (when anything is planned).
    /// </summary>
    public static void WritePlanned(CodeWriter writer, string signature, IReadOnlyList<CodeLine> lines)
    {
        var planned = MemoryPlan.Apply(lines);
        using (writer.Block(signature))
        {
            writer.Lines(planned.Lines);
        }

        if (planned.Buffers.Count > 0)
        {
            writer.Line();
            MemoryPlan.WriteField(writer, planned.Buffers);
        }
    }

    // The training step with the generated backward (BackwardPass): forward saving what backward
    // needs, the loss, the gradient lines in reverse order, the optimizer step.
    private static List<CodeLine> ExplicitLines(InferredModel model, LossPlan plan)
    {
        var fused = new Dictionary<int, ActivationKind>();
        if (plan.FusedActivation is { } activation)
        {
            fused[model.Graph.Outputs[0].Value] = activation;
        }

        var lines = BackwardPass.Start(model).ToList();
        var forward = BackwardPass.Forward(model, ["x[0]"], fused);
        lines.AddRange(forward.Lines);
        var output = forward.Outputs[0];
        var shape = model.ShapeOf(model.Graph.Outputs[0].Value);
        if (plan.FusesGradient && BackwardPass.KnownDims(shape) is { } dims)
        {
            // var probabilities = _trainBuffers.Get(2, logits);  // (batch, 10); buffer 2
            // var dlogits = _trainBuffers.Get(3, logits);        // (batch, 10); buffer 3
            // var loss = ...FusedLosses.SparseCategoricalCrossentropy(y[0], logits, sampleWeight[0], probabilities, dlogits, _trainBuffers.Scalar(logits));
            var gradient = "d" + output;
            lines.Add(new CodeLine($"var probabilities = {MemoryPlan.Into("probabilities", output, dims)};", $"{shape}: softmax({output}), written by the loss"));
            lines.Add(new CodeLine($"var {gradient} = {MemoryPlan.Into(gradient, output, dims)};", $"{shape}: dL/d{output}, written by the loss"));
            lines.Add(new CodeLine($"var loss = {plan.FusedCall("y[0]", output, "sampleWeight[0]", "probabilities", gradient, MemoryPlan.Field + ".Scalar(" + output + ")")};"));
            lines.AddRange(BackwardPass.Lines(model, forward, [new BackwardPass.OutputLoss(plan, 1.0, "y[0]", "sampleWeight[0]", gradient)]));
            lines.Add(new CodeLine("return new(loss, new[] { loss }, new[] { probabilities });"));
            return lines;
        }

        lines.Add(new CodeLine($"var loss = {plan.Call("y[0]", output, "sampleWeight[0]")};"));
        lines.AddRange(BackwardPass.Lines(model, forward, [new BackwardPass.OutputLoss(plan, 1.0, "y[0]", "sampleWeight[0]")]));
        lines.Add(new CodeLine($"return new(loss, new[] {{ loss }}, new[] {{ {plan.Predictions(output)} }});"));
        return lines;
    }

    /// <summary>
    /// The signature every model's <c>TrainStep</c> and <c>TestStep</c> share: one batch of each input,
    /// of each output's targets and of each output's sample weights, in declaration order.
    /// </summary>
    public static string Signature(string overrideModifiers, string name) =>
        $"{overrideModifiers} override {TypeNames.StepOutput} {name}({TypeNames.Tensor}[] x, {TypeNames.Tensor}[] y, {TypeNames.Tensor}?[] sampleWeight)";

    /// <summary>Writes <paramref name="signature"/> with a body that explains the model has no <c>[Compile]</c>.</summary>
    public static void WriteWithoutCompile(CodeWriter writer, string signature, string modelName) =>
        WriteThrowing(writer, signature, TypeNames.InvalidOperationException,
            $"{modelName} has no [Compile] attribute: add one, e.g. [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], to train or evaluate it");

    /// <summary>Writes <paramref name="signature"/> with a body that throws <paramref name="exception"/> with <paramref name="message"/>.</summary>
    public static void WriteThrowing(CodeWriter writer, string signature, string exception, string message)
    {
        writer.Line(signature);
        writer.Line($"    => throw new {exception}({Literals.String(message)});");
    }

    /// <summary>The loss and return lines of a step on one output, after its forward lines.</summary>
    public static void AddLossLines(
        System.Collections.Generic.List<CodeLine> lines, LossPlan plan, string output, CallMode mode, string? autogradReason = null, CodeLine? regularization = null, string? mask = null)
    {
        lines.Add(new CodeLine($"var loss = {plan.Call("y[0]", output, "sampleWeight[0]", mask)};", mask is null ? null : "masked steps left out, as Keras"));
        if (regularization is { } penalties)
        {
            lines.Add(penalties);
        }

        if (mode == CallMode.Training)
        {
            lines.AddRange(BackwardEmitter.Lines("loss", autogradReason));
        }

        // A test step returns a fused softmax's logits, flagged, rather than its probabilities: Keras'
        // "accuracy" needs only their argmax, which the softmax keeps, and the metrics apply the softmax
        // themselves where a metric needs the probabilities (Runtime/Training/CompiledMetrics.cs).
        var logits = mode == CallMode.Evaluation && plan.FusedActivation == ActivationKind.Softmax;
        var predictions = logits ? output : plan.Predictions(output);
        var masks = mask is null ? "" : $", new[] {{ {mask} }}";
        var flag = logits ? ", SoftmaxLogits: new[] { true }" : "";
        lines.Add(new CodeLine($"return new(loss, new[] {{ loss }}, new[] {{ {predictions} }}{masks}{flag});"));
    }

    // The output's activation is fused into the loss only when no other call reads the output.
    private static LossPlan Plan(InferredModel model, CompileDeclaration compile)
    {
        var graph = model.Graph;
        var output = graph.Outputs[0].Value;
        var plan = LossPlan.For(compile, model.LayerOf(output - graph.Inputs.Count));
        var readElsewhere = graph.LiveNodes().Any(i => graph.Nodes[i].Inputs.Contains(output));
        return readElsewhere && plan.FusedActivation is not null ? new LossPlan(compile.Loss, compile.FromLogits, null) : plan;
    }
}
