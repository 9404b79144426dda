using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// The pipeline's second step: runs each layer's shape rule from the input to the output, reports
/// the first shape error (STK1xxx) and checks the loss against the output (STK2xxx).
/// </summary>
internal static class ShapeInference
{
    /// <summary>Infers every layer's shapes; never throws except on cancellation.</summary>
    public static InferredModel Infer(ModelDeclaration model, CancellationToken cancellationToken) =>
        GeneratorGuard.Run(
            () => InferShapes(model),
            exception => new InferredModel(
                model,
                EquatableArray<LayerShape>.Empty,
                model.Diagnostics.Append(GeneratorGuard.Failure("inferring shapes of", model.Type.Name, model.Location, exception)).ToEquatableArray()));

    private static InferredModel InferShapes(ModelDeclaration model)
    {
        var diagnostics = model.Diagnostics.ToList();
        var shapes = new List<LayerShape>();
        if (model.CanGenerate && model.Input is { } input)
        {
            var current = input;
            foreach (var layer in model.Layers)
            {
                // One mistake, one error: inference stops at the first layer it cannot follow.
                if (layer is UnresolvedDeclaration)
                {
                    break;
                }

                if (IndexInputCheck.Check(layer, model.Layers.Take(shapes.Count)) is { } indices)
                {
                    diagnostics.Add(indices);
                    break;
                }

                var result = LayerRules.Apply(layer, current);
                if (result.Output is not { } output)
                {
                    diagnostics.Add(ShapeDiagnostics.For(layer, result.Error!));
                    break;
                }

                shapes.Add(new LayerShape(current, output, result.Weights));
                current = output;
            }

            if (shapes.Count == model.Layers.Count && shapes.Count > 0 && model.Compile is { } compile)
            {
                diagnostics.AddRange(LossChecks.Check(compile, model.Layers[model.Layers.Count - 1], current));
            }
        }

        return new InferredModel(model, shapes.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
