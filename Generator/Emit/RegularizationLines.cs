using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Keras' regularization in the steps: after the compiled loss, the weight penalties of every
/// regularized layer and the activity penalty of every call of a layer with an activity
/// regularizer are added to it, as Keras' <c>compute_loss</c> adds <c>model.losses</c>; the logged
/// <c>loss</c> (History, progress bar, Evaluate) is that sum, as Keras reports it.
/// </summary>
internal static class RegularizationLines
{
    // loss = loss + hidden.RegularizationLoss() + hidden.ActivityPenalty(x2);  // regularization: hidden kernel L2(0.01); hidden activity L1(0.001)
    /// <summary>
    /// The line adding the penalties to <c>loss</c>, or <see langword="null"/> for a model without
    /// regularizers. <paramref name="activated"/> gives the expression of a value's output after
    /// its activation (<c>logits.softmax(-1)</c> for an output whose activation the loss fuses).
    /// </summary>
    public static CodeLine? Line(InferredModel model, Func<int, string> activated)
    {
        var graph = model.Graph;
        var terms = new List<string>();
        var notes = new List<string>();
        var live = graph.LiveNodes();
        foreach (var (layer, _) in model.LiveLayers().Where(l => l.Layer.Regularization is { HasWeights: true }))
        {
            terms.Add(LayerEmitters.Reference(layer) + ".RegularizationLoss()");
            notes.AddRange(layer.Regularization!.Weights.Select(w => layer.Name + " " + w));
        }

        foreach (var index in live)
        {
            var layer = model.LayerOf(index);
            if (layer.Regularization?.Activity is { } activity)
            {
                terms.Add($"{LayerEmitters.Reference(layer)}.ActivityPenalty({activated(graph.ValueOf(index))})");
                notes.Add($"{layer.Name} activity {activity}");
            }
        }

        return terms.Count == 0 ? null : new CodeLine($"loss = loss + {string.Join(" + ", terms)};", "regularization: " + string.Join("; ", notes.Distinct()));
    }

    /// <summary>Whether any layer of the model is regularized.</summary>
    public static bool Any(InferredModel model) => model.LiveLayers().Any(l => l.Layer.Regularization is not null);
}
