using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>Writes a model's generated part (SourceOutput adds it and reports its diagnostics).</summary>
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

    // /// <summary>Sequential model <c>MnistMlp</c>: (batch, 28, 28) -> (batch, 10). ...summary...</summary>
    // [global::System.CodeDom.Compiler.GeneratedCode("StaticKeras.Generator", "0.1.0")]
    // partial class MnistMlp : global::StaticKeras.Model
    // {
    //     constructor, Info, StaticGraph ([Model] only), Call, TrainStep, TestStep
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
            var trains = PerOutputTrainingEmitter.Trains(declaration);
            if (multi)
            {
                MultiIoEmitter.WriteRecords(writer, model);
                writer.Line();
                if (trains)
                {
                    PerOutputTrainingEmitter.WriteTargets(writer, model);
                    writer.Line();
                    PerOutputTrainingEmitter.WriteSampleWeights(writer, model);
                    writer.Line();
                }
            }

            ConstructorEmitter.Write(writer, model);
            writer.Line();
            InfoEmitter.Write(writer, model, summary);
            writer.Line();
            if (declaration.Kind == Model.ModelKind.Functional)
            {
                GraphDescriptionEmitter.Write(writer, model);
                writer.Line();
            }
            if (multi)
            {
                MultiIoEmitter.WriteSpecs(writer, model);
                writer.Line();
                MultiIoEmitter.WriteCall(writer, model);
                writer.Line();
                MultiIoEmitter.WritePredict(writer, model);
                writer.Line();
                if (trains)
                {
                    PerOutputTrainingEmitter.WriteFitAndEvaluate(writer, model);
                    writer.Line();
                    PerOutputTrainingEmitter.WriteSteps(writer, model);
                    writer.Line();
                    MultiIoEmitter.WriteOneTensorCall(writer, model);
                }
                else
                {
                    MultiIoEmitter.WriteOneTensorCall(writer, model);
                    writer.Line();
                    MultiIoEmitter.WriteUntrainableSteps(writer, model);
                }

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
