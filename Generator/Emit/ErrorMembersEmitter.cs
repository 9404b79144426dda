using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the members of a model with errors, each throwing, so the user sees the one real error
/// instead of a cascade of "does not implement abstract member" errors.
/// </summary>
internal static class ErrorMembersEmitter
{
    // public MnistMlp() : base("MnistMlp") => throw new global::System.InvalidOperationException("model has errors: STK1001");
    // protected override global::StaticKeras.ModelInfo Info => throw new global::System.InvalidOperationException("model has errors: STK1001");
    // public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) => throw ...;
    // protected override global::StaticKeras.StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw ...;
    // protected override global::StaticKeras.StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw ...;
    /// <summary>Writes the throwing members.</summary>
    public static void Write(CodeWriter writer, InferredModel model) =>
        Write(writer, model.Declaration.OverrideModifiers, model.Declaration.Type.Name, model.Declaration.GenerateConstructor, model.ErrorSummary);

    /// <summary>Writes the throwing members of the model called <paramref name="name"/>.</summary>
    public static void Write(CodeWriter writer, string modifiers, string name, bool generateConstructor, string errorSummary)
    {
        var @throw = $"throw new {TypeNames.InvalidOperationException}({Literals.String("model has errors: " + errorSummary)});";
        if (generateConstructor)
        {
            writer.Line("/// <summary>Throws: the model has build errors.</summary>");
            writer.Line($"public {name}() : base({Literals.String(name)}) => {@throw}");
            writer.Line();
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line($"{modifiers} override {TypeNames.ModelInfo} Info => {@throw}");
        writer.Line();
        writer.Line("/// <summary>Throws: the model has build errors.</summary>");
        writer.Line($"public override {TypeNames.Tensor} Call({TypeNames.Tensor} inputs, bool training = false) => {@throw}");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"{StepsEmitter.Signature(modifiers, "TrainStep")} => {@throw}");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"{StepsEmitter.Signature(modifiers, "TestStep")} => {@throw}");
    }
}
