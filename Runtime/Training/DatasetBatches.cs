using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// A streaming dataset of batches as the training, test and predict loops read it (an
/// <see cref="IBatchSource"/> beside <see cref="Batches"/>): each batch is checked as <c>Fit</c>
/// checks tensors (every input against its declared shape and dtype, every target against its
/// output's loss, equal lengths, and finite values when the model checks them), named by its
/// number in the pass, so a bad batch mid-epoch says which it is. Each batch's tensors join the
/// dispose scope of the step that fetches it and die with that step: a dataset makes new tensors
/// on every pass (in its <c>Map</c>), as a streaming reader does.
/// </summary>
internal sealed class DatasetBatches : IBatchSource
{
    private readonly IEnumerable<(Tensor[] X, Tensor[] Y, Tensor?[]? Weights)> _data;
    private readonly Func<Tensor[], Tensor[], Tensor?[]?, DataNames, Tensor?[]> _check;
    private readonly DataNames _names;

    private DatasetBatches(IEnumerable<(Tensor[] X, Tensor[] Y, Tensor?[]? Weights)> data, long? count, DataNames names,
        Func<Tensor[], Tensor[], Tensor?[]?, DataNames, Tensor?[]> check)
    {
        _data = data;
        _names = names;
        _check = check;
        Steps = count is { } n ? checked((int)n) : null;
    }

    /// <inheritdoc/>
    public int? Steps { get; }

    /// <inheritdoc/>
    public long? Samples => null;

    /// <summary>Batches of inputs and targets for <c>Fit</c> and <c>Evaluate</c>, with each output's sample weights or none.</summary>
    /// <param name="model">The model, whose finite-value check (when on) runs on every batch.</param>
    /// <param name="info">Its inputs and outputs, which every batch is checked against.</param>
    /// <param name="compile">Its training configuration, which says what form each target takes.</param>
    /// <param name="data">The batches: every input and every output's targets at the same rows, and per output the
    /// weights of those rows (<see langword="null"/> entries, or a <see langword="null"/> array, for none).</param>
    /// <param name="count">The batches of a pass, when known.</param>
    /// <param name="names">What messages call the tensors, before the batch number is added.</param>
    /// <param name="operation">Fit or Evaluate, for messages.</param>
    public static DatasetBatches Labeled(Model model, ModelInfo info, CompileInfo compile, IEnumerable<(Tensor[] X, Tensor[] Y, Tensor?[]? Weights)> data,
        long? count, DataNames names, string operation)
    {
        var noWeights = new Tensor?[info.Outputs.Length];   // all null, shared by every unweighted batch
        return new DatasetBatches(data, count, names, (x, y, weights, batchNames) =>
        {
            var samples = DataChecks.Arrays(info, compile, x, y, batchNames, operation);
            model.CheckFinite(operation, x, y, batchNames);
            return weights is null ? noWeights : SampleWeights.Resolve(info, compile, y, samples, weights, classWeight: null, batchNames) ?? noWeights;
        });
    }

    /// <summary>Batches of inputs for <c>Predict</c>.</summary>
    public static DatasetBatches Inputs(Model model, ModelInfo info, IEnumerable<Tensor[]> data, long? count, DataNames names, string operation)
    {
        return new DatasetBatches(Unlabeled(data), count, names, (x, _, _, batchNames) =>
        {
            DataChecks.Inputs(info.Name, info.Inputs, x, batchNames, operation);
            model.CheckFinite(operation, x, [], batchNames);
            return [];
        });
    }

    /// <summary>
    /// One pass. Each batch is read when the loop's step asks for it, taken into that step's dispose
    /// scope, then checked; its sample weights are checked as <c>Fit</c>'s <c>sampleWeight</c> is
    /// (one finite weight &gt;= 0 per sample) and converted to float32.
    /// </summary>
    /// <exception cref="InvalidOperationException">A batch holds a null or disposed tensor (the same tensors yielded again).</exception>
    /// <exception cref="ArgumentException">A batch fails its checks, or the pass yields no batch.</exception>
    public IEnumerable<Batch> Epoch()
    {
        var index = 0;
        foreach (var (x, y, weights) in _data)
        {
            if (x is null || y is null || Array.Exists(x, t => t is null || t.IsInvalid) || Array.Exists(y, t => t is null || t.IsInvalid)
                || (weights is not null && Array.Exists(weights, t => t is not null && t.IsInvalid)))
            {
                throw new InvalidOperationException(
                    $"Batch {index} of the dataset holds a null or disposed tensor. Each step disposes its batch, so a dataset must make new " +
                    "tensors on every pass (build them in Map), not yield the same tensors again.");
            }

            Adopt([.. x, .. y, .. weights ?? []]);
            var checkedWeights = _check(x, y, weights, _names.ForBatch(index));
            index++;
            yield return new Batch(x, y, checkedWeights);
        }

        if (index == 0)
        {
            throw new ArgumentException("The dataset yielded no batch: there must be at least one per pass.");
        }
    }

    // The batch was made on a worker thread, outside any dispose scope: it joins the scope the
    // caller is in (the step's), by way of a scope of its own that hands it to its outer one.
    private static void Adopt(Tensor?[] tensors)
    {
        using var adopt = NewDisposeScope();
        foreach (var tensor in tensors)
        {
            if (tensor is not null)
            {
                adopt.Attach(tensor);
            }
        }

        adopt.MoveToOuter([.. tensors.OfType<Tensor>()]);
    }

    private static IEnumerable<(Tensor[] X, Tensor[] Y, Tensor?[]? Weights)> Unlabeled(IEnumerable<Tensor[]> data)
    {
        foreach (var x in data)
        {
            yield return (x, [], null);
        }
    }
}
