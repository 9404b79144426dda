using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes the class's XML doc comment: its shapes and the summary table, so hovering the class shows them.</summary>
internal static class ClassDocEmitter
{
    // /// <summary>
    // /// Sequential model <c>MnistMlp</c>: (batch, 28, 28) -> (batch, 10).
    // /// <code>
    // /// Model: "MnistMlp"
    // /// ┏━━━━━━━...
    // /// </code>
    // /// </summary>
    /// <summary>Writes the doc comment of a complete model.</summary>
    public static void Write(CodeWriter writer, InferredModel model, string summary)
    {
        writer.Line("/// <summary>");
        writer.Line($"/// Sequential model <c>{model.Declaration.Type.Name}</c>: {Literals.Xml(model.Input.ToString())} -> {Literals.Xml(model.Output.ToString())}.");
        writer.Line("/// <code>");
        writer.DocLines(Literals.Xml(summary));
        writer.Line("/// </code>");
        writer.Line("/// </summary>");
    }

    // /// <summary>
    // /// Sequential model <c>MnistMlp</c> has build errors (STK1001); its members throw until they are fixed.
    // /// </summary>
    /// <summary>Writes the doc comment of a model with errors.</summary>
    public static void WriteWithErrors(CodeWriter writer, InferredModel model)
    {
        writer.Line("/// <summary>");
        writer.Line($"/// Sequential model <c>{model.Declaration.Type.Name}</c> has build errors ({Literals.Xml(model.ErrorSummary)}); its members throw until they are fixed.");
        writer.Line("/// </summary>");
    }
}
