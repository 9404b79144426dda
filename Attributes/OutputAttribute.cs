using System;

namespace StaticKeras;

/// <summary>
/// How one output of a model with several outputs is trained, as the per-output entries of Keras'
/// <c>model.compile(loss={...}, loss_weights={...}, metrics={...})</c>. Pair it with
/// <c>[Compile(optimizer)]</c>; the training loss is the sum of each output's loss times its
/// <see cref="LossWeight"/>.
/// </summary>
/// <example><code>
/// [Compile(Optimizer.Adam)]
/// [Output("cls", Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
/// [Output("value", Loss.MeanSquaredError, LossWeight = 0.5)]
/// </code></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>Trains output <paramref name="name"/> (its tuple element name in the <c>[Graph]</c> method) with <paramref name="loss"/>.</summary>
    public OutputAttribute(string name, Loss loss)
    {
        Name = name;
        Loss = loss;
    }

    /// <summary>The output's name.</summary>
    public string Name { get; }

    /// <summary>The output's loss.</summary>
    public Loss Loss { get; }

    /// <summary>Metrics of this output, logged as <c>{name}_accuracy</c>.</summary>
    public Metric[] Metrics { get; set; } = [];

    /// <summary>The weight of this output's loss in the total loss (Keras' <c>loss_weights</c>); 1 by default.</summary>
    public double LossWeight { get; set; } = 1.0;

    /// <summary>Whether the loss receives logits rather than probabilities.</summary>
    public bool FromLogits { get; set; }
}
