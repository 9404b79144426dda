using System.Linq;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference.Graph;

namespace StaticKeras.Generator.Emit.Graph;

/// <summary>Writes a functional model's <c>Call</c>, <c>TrainStep</c> and <c>TestStep</c> from its graph.</summary>
internal static class GraphStepsEmitter
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
    public static void WriteCall(CodeWriter writer, InferredGraphModel model)
    {
        var input = model.Graph.Inputs[0].Shape;
        var output = model.ShapeOf(model.Graph.Outputs[0].Value);
        writer.Line($"/// <summary>The forward pass: {Literals.Xml(input.ToString())} -> {Literals.Xml(output.ToString())}.</summary>");
        using (writer.Block($"public override {TypeNames.Tensor} Call({TypeNames.Tensor} inputs, bool training = false)"))
        {
            var (lines, result) = GraphForwardPass.Lines(model, ["inputs"], CallMode.Forward, fusedActivation: null);
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
    public static void WriteTrainStep(CodeWriter writer, InferredGraphModel model) => WriteStep(writer, model, "TrainStep", CallMode.Training);

    // The same forward with training: false and the same loss, without ApplyGradients.
    /// <summary>Writes <c>TestStep</c>.</summary>
    public static void WriteTestStep(CodeWriter writer, InferredGraphModel model) => WriteStep(writer, model, "TestStep", CallMode.Evaluation);

    private static void WriteStep(CodeWriter writer, InferredGraphModel model, string name, CallMode mode)
    {
        var declaration = model.Declaration;
        var signature = TrainStepEmitter.Signature(declaration.OverrideModifiers, name);
        writer.Line("/// <inheritdoc/>");
        if (declaration.Compile is not { } compile)
        {
            TrainStepEmitter.WriteWithoutCompile(writer, signature, declaration.Type.Name);
            return;
        }

        var plan = Plan(model, compile);
        using (writer.Block(signature))
        {
            var (lines, output) = GraphForwardPass.Lines(model, ["x[0]"], mode, plan.FusedActivation);
            TrainStepEmitter.AddLossLines(lines, plan, output, mode);
            writer.Lines(lines);
        }
    }

    // The output's activation is fused into the loss only when no other call reads the output.
    private static LossPlan Plan(InferredGraphModel model, Model.CompileDeclaration compile)
    {
        var graph = model.Graph;
        var output = graph.Outputs[0].Value;
        var plan = LossPlan.For(compile, model.LayerOf(output - graph.Inputs.Count));
        var readElsewhere = graph.LiveNodes().Any(i => graph.Nodes[i].Inputs.Contains(output));
        return readElsewhere && plan.FusedActivation is not null ? new LossPlan(compile.Loss, compile.FromLogits, null) : plan;
    }
}
