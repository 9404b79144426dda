using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes <c>Info</c>: what the build knew about the model (input, output, compile settings, summary).</summary>
internal static class InfoEmitter
{
    // /// <inheritdoc/>
    // protected override global::StaticKeras.ModelInfo Info => s_info;
    //
    // private static readonly global::StaticKeras.ModelInfo s_info = new(
    //     Name: "MnistMlp",
    //     Input: new("inputs", new long[] { 28, 28 }, new string?[] { null, null }),
    //     Output: new("output", new long[] { 10 }, new string?[] { null }),
    //     Compile: new(global::StaticKeras.Optimizer.Adam, global::StaticKeras.Loss.SparseCategoricalCrossentropy,
    //         new global::StaticKeras.Metric[] { global::StaticKeras.Metric.Accuracy }, FromLogits: false, LearningRate: 0.0),
    //     Summary: SummaryText);
    //
    // private const string SummaryText =
    //     "Model: \"MnistMlp\"\n" +
    //     ...;
    /// <summary>
    /// Writes <c>Info</c> for <paramref name="model"/>: its first input and output, and (trained per
    /// output) the optimizer with the first output's loss; the typed members check every input and
    /// train every output.
    /// </summary>
    public static void Write(CodeWriter writer, InferredModel model, string summary)
    {
        var declaration = model.Declaration;
        var input = model.Graph.Inputs[0];
        var output = model.Graph.Outputs[0];
        var compile = declaration.TrainsPerOutput ? declaration.Outputs.First(o => o.Name == output.Name).Compile : declaration.Compile;
        Write(writer, declaration.OverrideModifiers, declaration.Type.Name, (input.Name, input.Shape), (output.Name, model.ShapeOf(output.Value)), compile, summary);
    }

    /// <summary>Writes <c>Info</c>, its backing field and the summary constant, for an input and an output each given as its name and shape.</summary>
    public static void Write(
        CodeWriter writer, string overrideModifiers, string modelName, (string Name, Shape Shape) input, (string Name, Shape Shape) output,
        Model.CompileDeclaration? compile, string summary)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line($"{overrideModifiers} override {TypeNames.ModelInfo} Info => s_info;");
        writer.Line();
        writer.Line($"private static readonly {TypeNames.ModelInfo} s_info = new(");
        writer.Line($"    Name: {Literals.String(modelName)},");
        writer.Line($"    Input: {Spec(input.Name, input.Shape)},");
        writer.Line($"    Output: {Spec(output.Name, output.Shape)},");
        if (compile is not null)
        {
            var metrics = compile.Metrics.Count == 0
                ? "global::System.Array.Empty<global::StaticKeras.Metric>()"
                : "new global::StaticKeras.Metric[] { " + string.Join(", ", compile.Metrics.Select(m => "global::StaticKeras.Metric." + m)) + " }";
            writer.Line($"    Compile: new(global::StaticKeras.Optimizer.{compile.Optimizer}, global::StaticKeras.Loss.{compile.Loss},");
            writer.Line($"        {metrics}, FromLogits: {(compile.FromLogits ? "true" : "false")}, LearningRate: {Formatting.Double(compile.LearningRate)}),");
        }
        else
        {
            writer.Line("    Compile: null,");
        }

        writer.Line("    Summary: SummaryText);");
        writer.Line();
        writer.Line("private const string SummaryText =");
        var lines = summary.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            writer.Line("    " + (i < lines.Length - 1 ? Literals.String(lines[i] + "\n") + " +" : Literals.String(lines[i]) + ";"));
        }
    }

    // new("inputs", new long[] { -1, 16 }, new string?[] { "time", null })
    internal static string Spec(string name, Shape shape) =>
        $"new({Literals.String(name)}, {Array("long", shape.Dims.Select(d => Formatting.Number(d.IsKnown ? d.Size : -1)))}, "
        + $"{Array("string?", shape.Dims.Select(d => d.Kind == DimKind.Named ? Literals.String(d.Name!) : "null"))})";

    private static string Array(string type, System.Collections.Generic.IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? $"global::System.Array.Empty<{type}>()" : $"new {type}[] {{ {string.Join(", ", list)} }}";
    }
}
