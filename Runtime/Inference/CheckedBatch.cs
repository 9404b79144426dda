using System;
using static TorchSharp.torch;

namespace StaticKeras.Inference;

/// <summary>
/// The batch tensors <c>Predict</c> is running on this thread, cut from inputs it has already
/// checked as a whole, so the input guards of the model's generated <c>Call</c> need not check them
/// again for every batch. Per thread, so concurrent calls never see each other's batches; per
/// model, so a model called inside another still checks what it is given.
/// </summary>
internal static class CheckedBatch
{
    [ThreadStatic]
    private static Model? t_model;

    [ThreadStatic]
    private static Tensor[]? t_batch;

    /// <summary>
    /// Marks the tensors in <paramref name="batch"/> (filled in batch by batch) as checked inputs of
    /// <paramref name="model"/> on this thread until the result is disposed.
    /// </summary>
    public static Scope Trust(Model model, Tensor[] batch)
    {
        var scope = new Scope(t_model, t_batch);
        (t_model, t_batch) = (model, batch);
        return scope;
    }

    /// <summary>Whether <paramref name="input"/> is one of the checked batch tensors <paramref name="model"/> runs on this thread.</summary>
    public static bool Contains(Model model, Tensor input)
    {
        if (!ReferenceEquals(t_model, model) || t_batch is not { } batch)
        {
            return false;
        }

        foreach (var tensor in batch)
        {
            if (ReferenceEquals(tensor, input))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Restores what was trusted before (a Predict inside another model's Call) when disposed.</summary>
    public readonly struct Scope(Model? model, Tensor[]? batch) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => (t_model, t_batch) = (model, batch);
    }
}
