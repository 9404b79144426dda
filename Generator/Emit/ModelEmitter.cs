using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>The pipeline's last step: writes a model's generated part, then adds it and reports its diagnostics.</summary>
internal static class ModelEmitter
{
    /// <summary>Writes the source of <paramref name="model"/>; never throws except on cancellation.</summary>
    public static GeneratedModel Emit(InferredModel model, CancellationToken cancellationToken)
    {
        var declaration = model.Declaration;
        if (!declaration.CanGenerate)
        {
            return new GeneratedModel(null, null, model.Diagnostics);
        }

        return GeneratorGuard.Run(
            () => new GeneratedModel(declaration.Type.HintName, SourceFileEmitter.Write(declaration.Type, writer => WriteClass(writer, model)), model.Diagnostics),
            exception => new GeneratedModel(
                null,
                null,
                model.Diagnostics.Append(GeneratorGuard.Failure("writing", declaration.Type.Name, declaration.Location, exception)).ToEquatableArray()));
    }

    /// <summary>Adds the generated file and reports the diagnostics.</summary>
    public static void AddSource(SourceProductionContext context, GeneratedModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.HintName is { } hintName && model.Source is { } source)
        {
            context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        }
    }

    // /// <summary>Sequential model <c>MnistMlp</c>: (batch, 28, 28) -> (batch, 10). ...summary...</summary>
    // [global::System.CodeDom.Compiler.GeneratedCode("StaticKeras.Generator", "0.1.0")]
    // partial class MnistMlp : global::StaticKeras.Model
    // {
    //     constructor, Info, Call, TrainStep, TestStep
    //     (several inputs or outputs: Inputs/Outputs/Targets records, typed Call, Predict, Fit, Evaluate)
    // }
    private static void WriteClass(CodeWriter writer, InferredModel model)
    {
        var declaration = model.Declaration;
        var name = declaration.Type.Name;
        if (!model.IsComplete)
        {
            ClassDocEmitter.WriteWithErrors(writer, declaration.Kind, name, model.ErrorSummary);
            writer.Line(TypeNames.GeneratedCode);
            using (writer.Block($"partial class {name} : {TypeNames.Model}"))
            {
                ErrorMembersEmitter.Write(writer, model);
            }

            return;
        }

        var summary = ModelSummary.Render(model);
        var multi = MultiIoEmitter.IsMulti(declaration, model.Graph);
        var signature = multi ? MultiIoEmitter.Describe(model) : model.Graph.Inputs[0].Shape + " -> " + model.ShapeOf(model.Graph.Outputs[0].Value);
        ClassDocEmitter.Write(writer, declaration.Kind, name, signature, summary);

        writer.Line(TypeNames.GeneratedCode);
        using (writer.Block($"partial class {name} : {TypeNames.Model}"))
        {
            if (multi)
            {
                MultiIoEmitter.WriteRecords(writer, model);
                writer.Line();
                if (declaration.TrainsPerOutput)
                {
                    PerOutputTrainingEmitter.WriteTargets(writer, model);
                    writer.Line();
                }
            }

            ConstructorEmitter.Write(writer, model);
            writer.Line();
            InfoEmitter.Write(writer, model, summary);
            writer.Line();
            if (multi)
            {
                MultiIoEmitter.WriteSpecs(writer, model);
                writer.Line();
                MultiIoEmitter.WriteCall(writer, model);
                writer.Line();
                MultiIoEmitter.WritePredict(writer, model);
                writer.Line();
                if (declaration.TrainsPerOutput)
                {
                    PerOutputTrainingEmitter.WriteFitAndEvaluate(writer, model);
                    writer.Line();
                    PerOutputTrainingEmitter.WriteSteps(writer, model);
                    writer.Line();
                }

                MultiIoEmitter.WriteOneTensorMembers(writer, model);
                return;
            }

            StepsEmitter.WriteCall(writer, model);
            writer.Line();
            StepsEmitter.WriteTrainStep(writer, model);
            writer.Line();
            StepsEmitter.WriteTestStep(writer, model);
        }
    }
}
