using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>Keras' weight constraints on a layer: projections applied to its weights after every optimizer step.</summary>
public abstract partial class Layer
{
    private readonly Dictionary<string, Constraint> weightConstraints = new(StringComparer.Ordinal);

    /// <summary>Whether any weight of the layer has a constraint (Keras' <c>kernel_constraint</c>, <c>bias_constraint</c>...).</summary>
    public bool IsConstrained => weightConstraints.Count > 0;

    /// <summary>The constraint of the weight named <paramref name="weight"/> (Keras' name: <c>kernel</c>, <c>bias</c>...), or null.</summary>
    public Constraint? ConstraintOf(string weight) => weightConstraints.GetValueOrDefault(weight);

    /// <summary>
    /// Projects each constrained weight in place (<c>w.copy_(constraint(w))</c>, outside autograd), as Keras' optimizer
    /// does after applying gradients. The weights keep their storage, so views (an optimizer's flat buffer) see the result.
    /// Generated models call it after every optimizer step; call it yourself after a hand-written update.
    /// </summary>
    public void ApplyConstraints()
    {
        if (weightConstraints.Count == 0)
        {
            return;
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, constraint) in weightConstraints)
        {
            if (LayerWeights.Find(this, name) is { requires_grad: true } weight)   // Keras constrains the variables it trains
            {
                weight.copy_(constraint.Apply(weight));
            }
        }
    }

    /// <summary>Registers the constraints a layer's constructor was given: weight name to constraint (null entries are skipped).</summary>
    private protected void Constrain(params (string Weight, Constraint? Constraint)[] weights)
    {
        foreach (var (weight, constraint) in weights)
        {
            if (constraint is not null)
            {
                weightConstraints[weight] = constraint;
            }
        }
    }

    /// <summary>Throws when the constraint of <paramref name="weight"/> names axes a weight of <paramref name="shape"/> lacks.</summary>
    internal void CheckConstraint(string weight, long[] shape) =>
        ConstraintOf(weight)?.Check(shape.Length, $"{GetName()} {weight} ({string.Join(", ", shape)})");
}
