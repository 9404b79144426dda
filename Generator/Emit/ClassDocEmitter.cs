using StaticKeras.Generator.Model;

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
    /// <summary>Writes the doc comment of a complete <paramref name="kind"/> model whose inputs and outputs <paramref name="signature"/> describes.</summary>
    public static void Write(CodeWriter writer, ModelKind kind, string name, string signature, string summary)
    {
        writer.Line("/// <summary>");
        writer.Line($"/// {kind} model <c>{name}</c>: {Literals.Xml(signature)}.");
        writer.Line("/// <code>");
        writer.DocLines(Literals.Xml(summary));
        writer.Line("/// </code>");
        writer.Line("/// </summary>");
    }

    // /// <summary>
    // /// Sequential model <c>MnistMlp</c> has build errors (STK1001); its members throw until they are fixed.
    // /// </summary>
    /// <summary>Writes the doc comment of a <paramref name="kind"/> model with errors.</summary>
    public static void WriteWithErrors(CodeWriter writer, ModelKind kind, string name, string errorSummary)
    {
        writer.Line("/// <summary>");
        writer.Line($"/// {kind} model <c>{name}</c> has build errors ({Literals.Xml(errorSummary)}); its members throw until they are fixed.");
        writer.Line("/// </summary>");
    }
}
