using System.Linq;
using System.Threading;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference.Graph;

namespace StaticKeras.Generator.Emit.Graph;

/// <summary>The functional pipeline's last step: writes a <c>[Model]</c> class's generated part.</summary>
internal static class GraphModelEmitter
{
    /// <summary>Writes the source of <paramref name="model"/>; never throws except on cancellation.</summary>
    public static GeneratedModel Emit(InferredGraphModel model, CancellationToken cancellationToken)
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

    // /// <summary>Functional model <c>SmallCnn</c>: (batch, 28, 28, 1) -> (batch, 10). ...summary...</summary>
    // [global::System.CodeDom.Compiler.GeneratedCode("StaticKeras.Generator", "0.1.0")]
    // partial class SmallCnn : global::StaticKeras.Model
    // {
    //     constructor, Info, Call, TrainStep, TestStep
    // }
    private static void WriteClass(CodeWriter writer, InferredGraphModel model)
    {
        var declaration = model.Declaration;
        var name = declaration.Type.Name;
        if (!model.IsComplete)
        {
            ClassDocEmitter.WriteWithErrors(writer, "Functional", name, model.ErrorSummary);
            writer.Line(TypeNames.GeneratedCode);
            using (writer.Block($"partial class {name} : {TypeNames.Model}"))
            {
                ErrorMembersEmitter.Write(writer, declaration.OverrideModifiers, name, declaration.GenerateConstructor, model.ErrorSummary);
            }

            return;
        }

        var summary = GraphSummary.Render(model);
        var input = model.Graph.Inputs[0];
        var output = model.Graph.Outputs[0];
        var outputShape = model.ShapeOf(output.Value);
        var multi = GraphIoEmitter.IsMulti(declaration, model.Graph);
        if (multi)
        {
            ClassDocEmitter.Write(writer, "Functional", name, GraphIoEmitter.Describe(model), summary);
        }
        else
        {
            ClassDocEmitter.Write(writer, "Functional", name, input.Shape.ToString(), outputShape.ToString(), summary);
        }

        writer.Line(TypeNames.GeneratedCode);
        using (writer.Block($"partial class {name} : {TypeNames.Model}"))
        {
            if (multi)
            {
                GraphIoEmitter.WriteRecords(writer, model);
                writer.Line();
                if (declaration.TrainsPerOutput)
                {
                    GraphOutputTrainingEmitter.WriteTargets(writer, model);
                    writer.Line();
                }
            }

            GraphConstructorEmitter.Write(writer, model);
            writer.Line();
            // Info describes the first input and output, and (trained per output) the optimizer with
            // the first output's loss; the typed members check every input and train every output.
            var compile = declaration.TrainsPerOutput ? declaration.Outputs.First(o => o.Name == output.Name).Compile : declaration.Compile;
            InfoEmitter.Write(writer, declaration.OverrideModifiers, name, (input.Name, input.Shape), (output.Name, outputShape), compile, summary);
            writer.Line();
            GraphDescriptionEmitter.Write(writer, model);
            writer.Line();
            if (multi)
            {
                GraphIoEmitter.WriteSpecs(writer, model);
                writer.Line();
                GraphIoEmitter.WriteCall(writer, model);
                writer.Line();
                GraphIoEmitter.WritePredict(writer, model);
                writer.Line();
                if (declaration.TrainsPerOutput)
                {
                    GraphOutputTrainingEmitter.WriteFitAndEvaluate(writer, model);
                    writer.Line();
                    GraphOutputTrainingEmitter.WriteSteps(writer, model);
                    writer.Line();
                }

                GraphIoEmitter.WriteOneTensorMembers(writer, model);
                return;
            }

            GraphStepsEmitter.WriteCall(writer, model);
            writer.Line();
            GraphStepsEmitter.WriteTrainStep(writer, model);
            writer.Line();
            GraphStepsEmitter.WriteTestStep(writer, model);
        }
    }
}
