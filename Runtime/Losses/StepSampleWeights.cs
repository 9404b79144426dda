using System;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// The sample weights of the step running on this thread, which the three-argument
/// <see cref="LossFunctions"/> overloads (the ones generated training steps call) apply.
/// </summary>
/// <remarks>
/// Generated <c>TrainStep(x, y)</c> computes its loss with <c>LossFunctions.X(y, yPred, fromLogits)</c>
/// and knows nothing of weights. <c>Fit</c> gives them to it without a change to generated code: inside
/// the step's dispose scope it slices the batch's weights and wraps the one <c>TrainStep</c> call in
/// <see cref="Use"/>; the loss then multiplies its per-sample values by them and reduces with Keras'
/// <c>sum_over_batch_size</c>. The weights are thread-static and set only for the duration of a step,
/// never while callbacks run, so a loss computed anywhere else is unweighted. With no weights (the
/// usual case) the losses take their plain fused path: the cost is one thread-static read per step.
/// </remarks>
internal static class StepSampleWeights
{
    [ThreadStatic]
    private static Tensor? t_current;

    /// <summary>The weights of the current step's batch, shape <c>(batch,)</c>, or <see langword="null"/>.</summary>
    public static Tensor? Current => t_current;

    /// <summary>Makes <paramref name="weights"/> the current step's until the returned scope is disposed.</summary>
    public static Scope Use(Tensor? weights)
    {
        var previous = t_current;
        t_current = weights;
        return new Scope(previous);
    }

    /// <summary>Restores the weights that were current before <see cref="Use"/>.</summary>
    public readonly struct Scope(Tensor? previous) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => t_current = previous;
    }
}
