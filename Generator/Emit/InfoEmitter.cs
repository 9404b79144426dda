using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes <c>Info</c>: what the build knew about the model (every input and output, the training configuration, the summary).</summary>
internal static class InfoEmitter
{
    /// <summary>
    /// How a model trains: the optimizer's declaration, each output's loss declaration and weight,
    /// whether the losses were declared per output, and the optimizer options <c>[Compile]</c> wrote.
    /// </summary>
    public sealed record Training(
        Model.CompileDeclaration Optimizer, IReadOnlyList<(Model.CompileDeclaration Compile, double Weight)> Outputs, bool PerOutput,
        Model.OptimizerOptionsDeclaration? Options = null);

    // /// <inheritdoc/>
    // protected override global::StaticKeras.ModelInfo Info => s_info;
    //
    // private static readonly global::StaticKeras.ModelInfo s_info = new(
    //     Name: "MnistMlp",
    //     Inputs: new global::StaticKeras.TensorSpec[]
    //     {
    //         new("inputs", new long[] { 28, 28 }, new string?[] { null, null }),
    //     },
    //     Outputs: new global::StaticKeras.TensorSpec[]
    //     {
    //         new("output", new long[] { 10 }, new string?[] { null }),
    //     },
    //     Compile: new(global::StaticKeras.Optimizer.Adam, LearningRate: 0.0, PerOutput: false, Outputs: new global::StaticKeras.OutputTraining[]
    //     {
    //         new(global::StaticKeras.Loss.SparseCategoricalCrossentropy, new global::StaticKeras.Metric[] { global::StaticKeras.Metric.Accuracy }, FromLogits: false, LossWeight: 1.0),
    //     }),
    //     Summary: SummaryText);
    //
    // private const string SummaryText =
    //     "Model: \"MnistMlp\"\n" +
    //     ...;
    /// <summary>Writes <c>Info</c> for <paramref name="model"/>: every input and output, and how it trains.</summary>
    public static void Write(CodeWriter writer, InferredModel model, string summary)
    {
        var declaration = model.Declaration;
        Write(writer, declaration.OverrideModifiers, declaration.Type.Name, model.Graph.Inputs.Select(i => (i.Name, i.Shape)).ToList(),
            model.Graph.Outputs.Select(o => (o.Name, model.ShapeOf(o.Value))).ToList(), PerOutputTrainingEmitter.Training(model), summary);
    }

    /// <summary>Writes <c>Info</c> for a model with the given inputs and outputs, each given as its name and shape.</summary>
    public static void Write(
        CodeWriter writer, string overrideModifiers, string modelName, IReadOnlyList<(string Name, Shape Shape)> inputs,
        IReadOnlyList<(string Name, Shape Shape)> outputs, Training? training, string summary)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line($"{overrideModifiers} override {TypeNames.ModelInfo} Info => s_info;");
        writer.Line();
        writer.Line($"private static readonly {TypeNames.ModelInfo} s_info = new(");
        writer.Line($"    Name: {Literals.String(modelName)},");
        WriteList(writer, "Inputs", TypeNames.TensorSpec, inputs.Select(i => Spec(i.Name, i.Shape)));
        WriteList(writer, "Outputs", TypeNames.TensorSpec, outputs.Select(o => Spec(o.Name, o.Shape)));
        if (training is { } t)
        {
            writer.Line($"    Compile: new(global::StaticKeras.Optimizer.{t.Optimizer.Optimizer}, LearningRate: {Formatting.Double(t.Optimizer.LearningRate)}, "
                + $"PerOutput: {(t.PerOutput ? "true" : "false")}, Outputs: new global::StaticKeras.OutputTraining[]");
            writer.Line("    {");
            foreach (var (compile, weight) in t.Outputs)
            {
                writer.Line($"        new(global::StaticKeras.Loss.{compile.Loss}, {Metrics(compile)}, FromLogits: {(compile.FromLogits ? "true" : "false")}, "
                    + $"LossWeight: {Formatting.Double(weight)}),");
            }

            if (t.Options is { } options)
            {
                OptimizerOptionsEmitter.Write(writer, options);
            }
            else
            {
                writer.Line("    }),");
            }
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

    /// <summary><c>new global::StaticKeras.Metric[] { global::StaticKeras.Metric.Accuracy }</c>, or an empty array.</summary>
    public static string Metrics(Model.CompileDeclaration compile) => compile.Metrics.Count == 0
        ? "global::System.Array.Empty<global::StaticKeras.Metric>()"
        : "new global::StaticKeras.Metric[] { " + string.Join(", ", compile.Metrics.Select(m => "global::StaticKeras.Metric." + m)) + " }";

    //     Inputs: new global::StaticKeras.TensorSpec[]
    //     {
    //         new("image", ...),
    //     },
    private static void WriteList(CodeWriter writer, string name, string type, IEnumerable<string> items)
    {
        writer.Line($"    {name}: new {type}[]");
        writer.Line("    {");
        foreach (var item in items)
        {
            writer.Line($"        {item},");
        }

        writer.Line("    },");
    }

    // new("inputs", new long[] { -1, 16 }, new string?[] { "time", null })
    internal static string Spec(string name, Shape shape) =>
        $"new({Literals.String(name)}, {Array("long", shape.Dims.Select(d => Formatting.Number(d.IsKnown ? d.Size : -1)))}, "
        + $"{Array("string?", shape.Dims.Select(d => d.Kind == DimKind.Named ? Literals.String(d.Name!) : "null"))})";

    private static string Array(string type, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? $"global::System.Array.Empty<{type}>()" : $"new {type}[] {{ {string.Join(", ", list)} }}";
    }
}
