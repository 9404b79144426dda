using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Inference;

/// <summary>
/// Copies of weights in a layout that inference computes faster with (a <c>Dense</c> kernel
/// transposed), made at most once per <c>Predict</c> or <c>Evaluate</c> call on this thread and freed
/// when the call ends, instead of once per batch. Nothing outlives the call, so nothing can go stale
/// after <c>LoadWeights</c>, an optimizer step or <c>to(device)</c>; the calls that open one run no
/// user code that could change the weights between batches (no callbacks other than the progress
/// bar and the history). Per thread, so concurrent calls never share a copy.
/// </summary>
internal sealed class InferenceWeights : IDisposable
{
    [ThreadStatic]
    private static InferenceWeights? t_current;

    private readonly InferenceWeights? previous;
    private readonly List<(Tensor Weight, Tensor Copy)> copies = [];

    private InferenceWeights(InferenceWeights? previous) => this.previous = previous;

    /// <summary>Opens the copies of this thread's call; disposing the result frees them and restores the enclosing call's.</summary>
    public static InferenceWeights Enter() => t_current = new InferenceWeights(t_current);

    /// <summary>
    /// <paramref name="make"/>(<paramref name="weight"/>): inside a call opened by <see cref="Enter"/>,
    /// made on first use and kept until the call ends (the caller must not dispose it); otherwise a
    /// new tensor in the caller's dispose scope.
    /// </summary>
    public static Tensor Get(Tensor weight, Func<Tensor, Tensor> make)
    {
        if (t_current is not { } current)
        {
            return make(weight);
        }

        foreach (var (known, copy) in current.copies)
        {
            if (ReferenceEquals(known, weight))
            {
                return copy;
            }
        }

        var made = make(weight).DetachFromDisposeScope();
        current.copies.Add((weight, made));
        return made;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        t_current = previous;
        foreach (var (_, copy) in copies)
        {
            copy.Dispose();
        }

        copies.Clear();
    }
}
