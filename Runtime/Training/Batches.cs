using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Cuts in-memory inputs, targets and sample weights into batches of <c>batchSize</c> samples at the
/// same rows (the last batch smaller), in order or in one random order per epoch shared by every
/// tensor (torch's generator, so <c>torch.manual_seed</c> fixes it). One input and one output are
/// the special case of several.
/// </summary>
/// <remarks>
/// The training and test loops read an epoch as an <see cref="IEnumerable{Batch}"/> and advance it
/// inside each step's dispose scope, so a batch's views and gathers die with its step; any other
/// <see cref="IBatchSource"/> (a streaming dataset) feeds the loops the same way.
/// </remarks>
internal sealed class Batches : IBatchSource, IDisposable
{
    private readonly Tensor[] _x;
    private readonly Tensor[] _y;
    private readonly Tensor?[] _weights;
    private readonly bool _weighted;
    private readonly bool _shuffle;
    private Tensor? _order;

    /// <summary>Batches the tensors, which all have <c>x[0].shape[0]</c> samples (checked before).</summary>
    /// <param name="x">Each input.</param>
    /// <param name="y">Each output's targets; empty when predicting.</param>
    /// <param name="sampleWeight">Each output's sample weights (entries may be <see langword="null"/>), or <see langword="null"/> for none.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="shuffle">Whether each epoch draws a new order.</param>
    public Batches(Tensor[] x, Tensor[] y, Tensor?[]? sampleWeight, int batchSize, bool shuffle)
    {
        _x = x;
        _y = y;
        _weighted = sampleWeight is not null;
        _weights = sampleWeight ?? new Tensor?[y.Length];   // all null, shared by every batch
        _shuffle = shuffle;
        BatchSize = batchSize;
        Samples = x[0].shape[0];
        Steps = checked((int)((Samples + batchSize - 1) / batchSize));
    }

    public int BatchSize { get; }

    public long Samples { get; }

    public int Steps { get; }

    int? IBatchSource.Steps => Steps;

    long? IBatchSource.Samples => Samples;

    /// <summary>
    /// The next epoch's batches. Shuffling draws the epoch's order now (the previous one is released);
    /// each batch is cut when the enumeration reaches it, in the caller's dispose scope of the moment.
    /// </summary>
    public IEnumerable<Batch> Epoch()
    {
        if (_shuffle)
        {
            _order?.Dispose();
            _order = randperm(Samples);
        }

        return Cut(_order);
    }

    private IEnumerable<Batch> Cut(Tensor? order)
    {
        for (var start = 0L; start < Samples; start += BatchSize)
        {
            var length = Math.Min(BatchSize, Samples - start);
            if (order is null)
            {
                yield return new Batch(Narrow(_x, start, length), Narrow(_y, start, length),
                    _weighted ? Narrow(_weights, start, length) : _weights);
            }
            else
            {
                var indices = order.narrow(0, start, length);
                yield return new Batch(Select(_x, indices), Select(_y, indices), _weighted ? Select(_weights, indices) : _weights);
            }
        }
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> of each tensor (views), keeping <see langword="null"/> entries.</summary>
    public static T[] Narrow<T>(T[] tensors, long start, long length) where T : Tensor?
    {
        var rows = new T[tensors.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (T)tensors[i]?.narrow(0, start, length)!;
        }

        return rows;
    }

    // The rows at indices of each tensor (gathers), keeping null entries; a loop, not a closure, per step.
    private static T[] Select<T>(T[] tensors, Tensor indices) where T : Tensor?
    {
        var rows = new T[tensors.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (T)tensors[i]?.index_select(0, indices)!;
        }

        return rows;
    }

    public void Dispose() => _order?.Dispose();
}
