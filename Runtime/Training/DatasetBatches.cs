using System;
using System.Collections.Generic;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// A streaming <see cref="Dataset{T}"/> of batches as the loops read it, each batch checked as
/// <c>Fit</c> checks tensors (shape and dtype against the declared input, labels against the loss,
/// equal lengths) and named by its number in the pass, so a bad batch mid-epoch says which it is.
/// The loops dispose each batch after its step: a dataset makes new tensors on every pass.
/// </summary>
internal sealed class DatasetBatches : IBatchSource
{
    private readonly IEnumerable<(Tensor X, Tensor? Y)> _data;
    private readonly Action<Tensor, Tensor?, string> _check;

    private DatasetBatches(IEnumerable<(Tensor X, Tensor? Y)> data, long? count, Action<Tensor, Tensor?, string> check)
    {
        _data = data;
        _check = check;
        Steps = count is { } n ? checked((int)n) : null;
    }

    public int? Steps { get; }

    /// <summary>Batches of inputs and labels for <c>Fit</c> and <c>Evaluate</c>.</summary>
    public static DatasetBatches Labeled(ModelInfo info, CompileInfo compile, Dataset<(Tensor X, Tensor Y)> data, string name, string operation)
    {
        ArgumentNullException.ThrowIfNull(data, name);
        return new DatasetBatches(data.Map(b => (b.X, (Tensor?)b.Y)), data.Count,
            (x, y, batch) => DataChecks.Pairs(info, compile, x, y, $"{batch}.X", $"{batch}.Y", operation));
    }

    /// <summary>Batches of inputs for <c>Predict</c>.</summary>
    public static DatasetBatches Inputs(ModelInfo info, Dataset<Tensor> data, string name, string operation)
    {
        ArgumentNullException.ThrowIfNull(data, name);
        return new DatasetBatches(data.Map(x => (x, (Tensor?)null)), data.Count,
            (x, _, batch) => DataChecks.Inputs(info, x, batch, operation));
    }

    public IEnumerable<(Tensor X, Tensor? Y, Tensor? Weights)> Epoch()
    {
        var index = 0;
        foreach (var (x, y) in _data)
        {
            var batch = $"batch {index} of the dataset";
            if (x is null || x.IsInvalid || y is { IsInvalid: true })
            {
                throw new InvalidOperationException(
                    $"{batch} holds a null or disposed tensor. Each step disposes its batch, so a dataset must make new tensors " +
                    "on every pass (build them in Map), not yield the same tensors again.");
            }

            _check(x, y, batch);
            index++;
            yield return (x, y, null);
        }

        if (index == 0)
        {
            throw new ArgumentException("The dataset yielded no batch: there must be at least one per pass.");
        }
    }
}
