using System;
using System.Collections.Generic;
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
    private readonly IEnumerable<(Tensor[] X, Tensor[] Y)> _data;
    private readonly Action<Tensor[], Tensor[], DataNames> _check;
    private readonly DataNames _names;
    private readonly Tensor?[] _noWeights;

    private DatasetBatches(IEnumerable<(Tensor[] X, Tensor[] Y)> data, long? count, DataNames names, int outputs,
        Action<Tensor[], Tensor[], DataNames> check)
    {
        _data = data;
        _names = names;
        _check = check;
        _noWeights = new Tensor?[outputs];
        Steps = count is { } n ? checked((int)n) : null;
    }

    /// <inheritdoc/>
    public int? Steps { get; }

    /// <inheritdoc/>
    public long? Samples => null;

    /// <summary>Batches of inputs and targets for <c>Fit</c> and <c>Evaluate</c>.</summary>
    /// <param name="model">The model, whose finite-value check (when on) runs on every batch.</param>
    /// <param name="info">Its inputs and outputs, which every batch is checked against.</param>
    /// <param name="compile">Its training configuration, which says what form each target takes.</param>
    /// <param name="data">The batches: every input and every output's targets at the same rows.</param>
    /// <param name="count">The batches of a pass, when known.</param>
    /// <param name="names">What messages call the tensors, before the batch number is added.</param>
    /// <param name="operation">Fit or Evaluate, for messages.</param>
    public static DatasetBatches Labeled(Model model, ModelInfo info, CompileInfo compile, IEnumerable<(Tensor[] X, Tensor[] Y)> data, long? count,
        DataNames names, string operation)
    {
        return new DatasetBatches(data, count, names, info.Outputs.Length, (x, y, batchNames) =>
        {
            DataChecks.Arrays(info, compile, x, y, batchNames, operation);
            model.CheckFinite(operation, x, y, batchNames);
        });
    }

    /// <summary>Batches of inputs for <c>Predict</c>.</summary>
    public static DatasetBatches Inputs(Model model, ModelInfo info, IEnumerable<Tensor[]> data, long? count, DataNames names, string operation)
    {
        return new DatasetBatches(Unlabeled(data), count, names, 0, (x, _, batchNames) =>
        {
            DataChecks.Inputs(info.Name, info.Inputs, x, batchNames, operation);
            model.CheckFinite(operation, x, [], batchNames);
        });
    }

    /// <summary>
    /// One pass. Each batch is read when the loop's step asks for it, taken into that step's dispose
    /// scope, then checked.
    /// </summary>
    /// <exception cref="InvalidOperationException">A batch holds a null or disposed tensor (the same tensors yielded again).</exception>
    /// <exception cref="ArgumentException">A batch fails its checks, or the pass yields no batch.</exception>
    public IEnumerable<Batch> Epoch()
    {
        var index = 0;
        foreach (var (x, y) in _data)
        {
            if (x is null || y is null || Array.Exists(x, t => t is null || t.IsInvalid) || Array.Exists(y, t => t is null || t.IsInvalid))
            {
                throw new InvalidOperationException(
                    $"Batch {index} of the dataset holds a null or disposed tensor. Each step disposes its batch, so a dataset must make new " +
                    "tensors on every pass (build them in Map), not yield the same tensors again.");
            }

            Adopt(x, y);
            _check(x, y, _names.ForBatch(index));
            index++;
            yield return new Batch(x, y, _noWeights);
        }

        if (index == 0)
        {
            throw new ArgumentException("The dataset yielded no batch: there must be at least one per pass.");
        }
    }

    // The batch was made on a worker thread, outside any dispose scope: it joins the scope the
    // caller is in (the step's), by way of a scope of its own that hands it to its outer one.
    private static void Adopt(Tensor[] x, Tensor[] y)
    {
        using var adopt = NewDisposeScope();
        foreach (var tensor in x)
        {
            adopt.Attach(tensor);
        }

        foreach (var tensor in y)
        {
            adopt.Attach(tensor);
        }

        adopt.MoveToOuter([.. x, .. y]);
    }

    private static IEnumerable<(Tensor[] X, Tensor[] Y)> Unlabeled(IEnumerable<Tensor[]> data)
    {
        foreach (var x in data)
        {
            yield return (x, []);
        }
    }
}
