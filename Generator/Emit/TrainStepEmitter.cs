using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes <c>TrainStep</c> (forward, loss, backward) and <c>TestStep</c> (forward, loss).</summary>
internal static class TrainStepEmitter
{
    // /// <inheritdoc/>
    // protected override global::StaticKeras.StepOutput TrainStep(global::TorchSharp.torch.Tensor x, global::TorchSharp.torch.Tensor y)
    // {
    //     var x1 = flatten.Call(x);            // (batch, 784)
    //     var logits = output.CallLinear(x1);  // (batch, 10), softmax fused into the loss
    //     var loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y, logits, fromLogits: true);
    //     ApplyGradients(loss);                // backward: autograd
    //     return new(loss, logits.softmax(-1));
    // }
    /// <summary>Writes <c>TrainStep</c>.</summary>
    public static void WriteTrainStep(CodeWriter writer, InferredModel model) => WriteStep(writer, model, "TrainStep", CallMode.Training);

    // The same forward with training: false and the same loss, without ApplyGradients.
    /// <summary>Writes <c>TestStep</c>.</summary>
    public static void WriteTestStep(CodeWriter writer, InferredModel model) => WriteStep(writer, model, "TestStep", CallMode.Evaluation);

    /// <summary>Writes <paramref name="signature"/> with a body that explains the model has no <c>[Compile]</c>.</summary>
    public static void WriteWithoutCompile(CodeWriter writer, string signature, string modelName)
    {
        var message = $"{modelName} has no [Compile] attribute: add one, e.g. [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], to train or evaluate it";
        writer.Line(signature);
        writer.Line($"    => throw new {TypeNames.InvalidOperationException}({Literals.String(message)});");
    }

    private static void WriteStep(CodeWriter writer, InferredModel model, string name, CallMode mode)
    {
        var declaration = model.Declaration;
        var signature = $"{declaration.OverrideModifiers} override {TypeNames.StepOutput} {name}({TypeNames.Tensor} x, {TypeNames.Tensor} y)";
        writer.Line("/// <inheritdoc/>");
        if (declaration.Compile is not { } compile)
        {
            WriteWithoutCompile(writer, signature, declaration.Type.Name);
            return;
        }

        var plan = LossPlan.For(compile, declaration.Layers[declaration.Layers.Count - 1]);
        using (writer.Block(signature))
        {
            var (lines, output) = ForwardPass.Lines(model, "x", mode, plan.FusedActivation);
            lines.Add(new CodeLine($"var loss = {plan.Call("y", output)};"));
            if (mode == CallMode.Training)
            {
                lines.AddRange(BackwardEmitter.Lines("loss"));
            }

            lines.Add(new CodeLine($"return new(loss, {plan.Predictions(output)});"));
            writer.Lines(lines);
        }
    }
}
