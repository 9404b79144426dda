using System;

namespace StaticKeras.Optimizers;

/// <summary>Creates the optimizer a <see cref="Optimizer"/> value names, with Keras' defaults.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// Creates an unbuilt optimizer of <paramref name="kind"/>; <paramref name="learningRate"/> 0
    /// means the optimizer's Keras default (as <c>[Compile(LearningRate = 0)]</c>).
    /// </summary>
    /// <param name="kind">The optimizer.</param>
    /// <param name="learningRate">The learning rate, or 0 for Keras' default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind or a negative learning rate.</exception>
    public static KerasOptimizer Create(Optimizer kind, double learningRate = 0)
    {
        var optimizer = kind switch
        {
            Optimizer.Sgd => (KerasOptimizer)new Sgd(),
            Optimizer.Adam => new Adam(),
            Optimizer.AdamW => new AdamW(),
            Optimizer.RmsProp => new RmsProp(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown optimizer {kind}"),
        };
        if (learningRate != 0)
        {
            optimizer.LearningRate = learningRate;
        }

        return optimizer;
    }
}
