using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// Checks a functional model's training configuration against its outputs: every <c>[Output]</c>
/// names an output (STK0072), every output of a model with several has one (STK0073), and each
/// output's loss fits its shape and activation (the Sequential loss checks, per output).
/// </summary>
internal static class OutputCompileChecks
{
    /// <summary>The diagnostics for <paramref name="model"/>, whose value shapes <paramref name="shapeOf"/> gives.</summary>
    public static IEnumerable<DiagnosticInfo> Check(ModelDeclaration model, GraphDeclaration graph, System.Func<int, Shape> shapeOf)
    {
        if (!model.TrainsPerOutput)
        {
            if (model.Compile is { } compile && graph.Outputs.Count == 1)
            {
                foreach (var diagnostic in LossChecks.Check(compile, OutputLayer(model, graph, graph.Outputs[0]), shapeOf(graph.Outputs[0].Value)))
                {
                    yield return diagnostic;
                }
            }
            else if (model.Compile is not null)
            {
                foreach (var output in graph.Outputs)
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.OutputWithoutLoss, output.Location, output.Name, model.Type.Name);
                }
            }

            yield break;
        }

        var names = string.Join(", ", graph.Outputs.Select(o => "'" + o.Name + "'"));
        foreach (var configured in model.Outputs.Where(c => graph.Outputs.All(o => o.Name != c.Name)))
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOutput, configured.Location, configured.Name, graph.MethodName, names);
        }

        foreach (var output in graph.Outputs)
        {
            if (model.Outputs.FirstOrDefault(c => c.Name == output.Name) is not { } configured)
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.OutputWithoutLoss, output.Location, output.Name, model.Type.Name);
                continue;
            }

            foreach (var diagnostic in LossChecks.Check(configured.Compile, OutputLayer(model, graph, output), shapeOf(output.Value)))
            {
                yield return diagnostic;
            }
        }
    }

    private static LayerDeclaration OutputLayer(ModelDeclaration model, GraphDeclaration graph, GraphOutput output) =>
        model.Layer(graph.NodeOf(output.Value).Layer)!;
}
