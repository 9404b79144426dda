using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>Keras' regularizers on a layer: penalties the training and test steps add to the loss.</summary>
public abstract partial class Layer
{
    private readonly Dictionary<string, Regularizer> weightRegularizers = new(StringComparer.Ordinal);

    /// <summary>The regularizer of the layer's output (Keras' <c>activity_regularizer</c>); null for none.</summary>
    public Regularizer? ActivityRegularizer { get; private set; }

    /// <summary>Whether any weight or the output of the layer is regularized.</summary>
    public bool IsRegularized => weightRegularizers.Count > 0 || ActivityRegularizer is not null;

    /// <summary>
    /// The sum of the weight penalties (Keras' <c>layer.losses</c> from <c>kernel_regularizer</c>,
    /// <c>bias_regularizer</c>...) on the current weights; a scalar 0 when none is regularized.
    /// </summary>
    public Tensor RegularizationLoss()
    {
        Tensor? total = null;
        foreach (var (name, regularizer) in weightRegularizers)
        {
            if (LayerWeights.Find(this, name) is { } weight)
            {
                var penalty = regularizer.Penalty(weight);
                total = total is null ? penalty : total + penalty;
            }
        }

        return total ?? zeros([]);
    }

    /// <summary>
    /// Keras' activity penalty on one call's <paramref name="outputs"/>: the regularizer's penalty
    /// divided by the batch size (Keras 3 normalizes it so its strength does not depend on the batch).
    /// </summary>
    /// <exception cref="InvalidOperationException">The layer has no <see cref="ActivityRegularizer"/>.</exception>
    public Tensor ActivityPenalty(Tensor outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var regularizer = ActivityRegularizer
            ?? throw new InvalidOperationException($"{GetName()}: ActivityPenalty needs a layer created with an activityRegularizer.");
        var penalty = regularizer.Penalty(outputs);
        return outputs.dim() > 0 ? penalty / Math.Max(outputs.shape[0], 1) : penalty;
    }

    /// <summary>Registers the regularizers a layer's constructor was given: weight name to regularizer (null entries are skipped), and the activity one.</summary>
    /// <summary>The weights' regularizers by weight name (<c>kernel</c>, <c>bias</c>, <c>recurrent_kernel</c>), for Keras' config.</summary>
    internal IReadOnlyDictionary<string, Regularizer> WeightRegularizers => weightRegularizers;

    private protected void Regularize(Regularizer? activity, params (string Weight, Regularizer? Regularizer)[] weights)
    {
        ActivityRegularizer = activity;
        foreach (var (weight, regularizer) in weights)
        {
            if (regularizer is not null)
            {
                weightRegularizers[weight] = regularizer;
            }
        }
    }
}
