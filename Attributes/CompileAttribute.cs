using System;

namespace StaticKeras;

/// <summary>
/// The training configuration of a model, as Keras' <c>model.compile(optimizer, loss, metrics)</c>.
/// The generator checks the loss against the model's output shape and activation at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class CompileAttribute : Attribute
{
    /// <summary>Compiles with the given optimizer (Keras defaults for its hyper-parameters) and loss.</summary>
    public CompileAttribute(Optimizer optimizer, Loss loss)
    {
        Optimizer = optimizer;
        Loss = loss;
    }

    /// <summary>
    /// Compiles a model with several outputs with the given optimizer; each output's loss and metrics
    /// are in its <see cref="OutputAttribute"/> (Keras' <c>loss={"cls": ..., "value": ...}</c>).
    /// </summary>
    public CompileAttribute(Optimizer optimizer)
    {
        Optimizer = optimizer;
    }

    /// <summary>Compiles with the given loss and Keras' default optimizer, RMSprop.</summary>
    public CompileAttribute(Loss loss) : this(Optimizer.RmsProp, loss)
    {
    }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The loss; unused when the model's outputs have <see cref="OutputAttribute"/>s.</summary>
    public Loss Loss { get; }

    /// <summary>Metrics reported during training and evaluation, besides the loss.</summary>
    public Metric[] Metrics { get; set; } = [];

    /// <summary>
    /// Whether the loss receives logits rather than probabilities (Keras' <c>from_logits=True</c>).
    /// </summary>
    public bool FromLogits { get; set; }

    /// <summary>
    /// The optimizer's learning rate. Zero (the default) means the optimizer's Keras default
    /// (1e-3 for Adam, AdamW and RMSprop, 1e-2 for SGD).
    /// </summary>
    public double LearningRate { get; set; }

    /// <summary>
    /// How the training step computes gradients: <see cref="BackwardMode.Generated"/> (the default),
    /// an explicit backward pass written out by the generator, or <see cref="BackwardMode.Autograd"/>,
    /// TorchSharp's autograd over the whole model (for comparison, or as a fallback).
    /// </summary>
    public BackwardMode Backward { get; set; }
}
