using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes <c>Call</c>, the inference forward pass; it always applies the output activation.</summary>
internal static class ForwardEmitter
{
    // /// <summary>The forward pass: (batch, 28, 28) -> (batch, 10).</summary>
    // public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false)
    // {
    //     GuardInput(inputs);
    //     var x1 = flatten.Call(inputs);  // (batch, 784)
    //     var x2 = output.Call(x1);       // (batch, 10)
    //     return x2;
    // }
    /// <summary>Writes <c>Call</c>.</summary>
    public static void Write(CodeWriter writer, InferredModel model)
    {
        writer.Line($"/// <summary>The forward pass: {Literals.Xml(model.Input.ToString())} -> {Literals.Xml(model.Output.ToString())}.</summary>");
        using (writer.Block($"public override {TypeNames.Tensor} Call({TypeNames.Tensor} inputs, bool training = false)"))
        {
            var (lines, output) = ForwardPass.Lines(model, "inputs", CallMode.Forward, fusedActivation: null);
            lines.Insert(0, new CodeLine("GuardInput(inputs);"));
            lines.Add(new CodeLine($"return {output};"));
            writer.Lines(lines);
        }
    }
}
