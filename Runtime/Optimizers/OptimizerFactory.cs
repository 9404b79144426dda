using System;

namespace StaticKeras.Optimizers;

/// <summary>Creates the optimizer a <see cref="Optimizer"/> value names, with Keras' defaults.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// Creates an unbuilt optimizer of <paramref name="kind"/>; <paramref name="learningRate"/> 0
    /// means the optimizer's Keras default (as <c>[Compile(LearningRate = 0)]</c>). With
    /// <paramref name="options"/>, as <c>[Compile]</c>'s optimizer arguments: a schedule starts from
    /// the learning rate, and each option set there is set on the optimizer, the others keep Keras' defaults.
    /// </summary>
    /// <param name="kind">The optimizer.</param>
    /// <param name="learningRate">The learning rate (a schedule's initial one), or 0 for Keras' default.</param>
    /// <param name="options">The options <c>[Compile]</c> wrote, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind, a negative learning rate or an option out of range.</exception>
    /// <exception cref="ArgumentException"><see cref="OptimizerOptions.Amsgrad"/> on an optimizer without it, or a schedule without its arguments.</exception>
    public static KerasOptimizer Create(Optimizer kind, double learningRate = 0, OptimizerOptions? options = null)
    {
        var amsgrad = options?.Amsgrad ?? false;
        if (options?.Amsgrad is not null && kind is not (Optimizer.Adam or Optimizer.AdamW))
        {
            throw new ArgumentException($"Amsgrad applies to Adam and AdamW, not {kind}.", nameof(options));
        }

        var optimizer = kind switch
        {
            Optimizer.Sgd => (KerasOptimizer)new Sgd(),
            Optimizer.Adam => new Adam(amsgrad: amsgrad),
            Optimizer.AdamW => new AdamW(amsgrad: amsgrad),
            Optimizer.RmsProp => new RmsProp(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown optimizer {kind}"),
        };
        if (learningRate != 0)
        {
            optimizer.LearningRate = learningRate;
        }

        if (options is not null)
        {
            optimizer.Configure(options);
        }

        return optimizer;
    }
}
