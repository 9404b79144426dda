using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>A model declaration with every layer's shapes: the input of emission.</summary>
/// <param name="Declaration">What was read.</param>
/// <param name="Shapes">The shapes of the layers, in order, as far as inference got.</param>
/// <param name="Diagnostics">Every diagnostic for the model: reading's and inference's.</param>
internal sealed record InferredModel(ModelDeclaration Declaration, EquatableArray<LayerShape> Shapes, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether every layer has shapes and nothing reported an error: the members can be generated in full.</summary>
    public bool IsComplete =>
        Declaration.Input is not null
        && Declaration.Layers.Count > 0
        && Shapes.Count == Declaration.Layers.Count
        && Declaration.CompilerErrors.Count == 0
        && !Diagnostics.Any(d => d.IsError);

    /// <summary>The model's input shape; only valid when <see cref="IsComplete"/>.</summary>
    public Shape Input => Declaration.Input!;

    /// <summary>The model's output shape; only valid when <see cref="IsComplete"/>.</summary>
    public Shape Output => Shapes[Shapes.Count - 1].Output;

    /// <summary>The layers paired with their shapes; only valid when <see cref="IsComplete"/>.</summary>
    public IEnumerable<(LayerDeclaration Layer, LayerShape Shape)> Layers => Declaration.Layers.Zip(Shapes, (l, s) => (l, s));

    /// <summary>What keeps the model from being generated in full: error ids in order, then compiler problems. E.g. <c>STK1001</c>.</summary>
    public string ErrorSummary
    {
        get
        {
            var problems = Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct().Concat(Declaration.CompilerErrors).ToList();
            return problems.Count > 0 ? string.Join(", ", problems) : "shapes could not be inferred";
        }
    }
}
