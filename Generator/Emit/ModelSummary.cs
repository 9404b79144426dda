using System.Linq;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>The summary of a complete model: one row per layer, totals split into trainable and non-trainable.</summary>
internal static class ModelSummary
{
    /// <summary>The Keras-format summary text of <paramref name="model"/>.</summary>
    public static string Render(InferredModel model)
    {
        var rows = model.Layers
            .Select(pair => new SummaryRow($"{pair.Layer.Name} ({pair.Layer.TypeName})", pair.Shape.Output.ToKerasString(), pair.Shape.ParameterCount))
            .ToList();
        var trainable = model.Layers.Sum(pair => pair.Shape.TrainableCount);
        return SummaryTable.Render(model.Declaration.Type.Name, rows, trainable, rows.Sum(r => r.Parameters) - trainable);
    }
}
