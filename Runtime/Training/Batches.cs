using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Splits in-memory arrays into batches of <c>batchSize</c> samples, the last one smaller, in order
/// or in a new random order per epoch (torch's generator, so <c>torch.manual_seed</c> fixes it).
/// Batches are views or gathers made inside the caller's step scope. Optional per-sample weights
/// are batched in the same order.
/// </summary>
internal sealed class Batches : IBatchSource, IDisposable
{
    private readonly Tensor _x;
    private readonly Tensor? _y;
    private readonly Tensor? _weights;
    private readonly bool _shuffle;
    private Tensor? _order;

    public Batches(Tensor x, Tensor? y, int batchSize, bool shuffle, Tensor? weights = null)
    {
        _x = x;
        _y = y;
        _weights = weights;
        _shuffle = shuffle;
        BatchSize = batchSize;
        Samples = x.shape[0];
        Steps = checked((int)((Samples + batchSize - 1) / batchSize));
    }

    public int BatchSize { get; }

    public long Samples { get; }

    public int Steps { get; }

    int? IBatchSource.Steps => Steps;

    /// <summary>A pass: draws the order when shuffling, then cuts each batch when the loop fetches it.</summary>
    public IEnumerable<(Tensor X, Tensor? Y, Tensor? Weights)> Epoch()
    {
        BeginEpoch();
        return Cut();
    }

    private IEnumerable<(Tensor X, Tensor? Y, Tensor? Weights)> Cut()
    {
        for (var step = 0; step < Steps; step++)
        {
            var (x, y) = Get(step);
            yield return (x, y, Weights(step));
        }
    }

    /// <summary>Draws the epoch's order when shuffling; the previous one is released.</summary>
    public void BeginEpoch()
    {
        if (_shuffle)
        {
            _order?.Dispose();
            _order = randperm(Samples);
        }
    }

    /// <summary>Batch <paramref name="step"/> of the epoch; call inside a dispose scope.</summary>
    public (Tensor X, Tensor? Y) Get(int step)
    {
        var start = (long)step * BatchSize;
        var length = Math.Min(BatchSize, Samples - start);
        if (_order is null)
        {
            return (_x.narrow(0, start, length), _y?.narrow(0, start, length));
        }

        var indices = _order.narrow(0, start, length);
        return (_x.index_select(0, indices), _y?.index_select(0, indices));
    }

    /// <summary>The weights of batch <paramref name="step"/>'s samples, or <see langword="null"/> without weights; call inside a dispose scope.</summary>
    public Tensor? Weights(int step)
    {
        if (_weights is null)
        {
            return null;
        }

        var start = (long)step * BatchSize;
        var length = Math.Min(BatchSize, Samples - start);
        return _order is null ? _weights.narrow(0, start, length) : _weights.index_select(0, _order.narrow(0, start, length));
    }

    public void Dispose() => _order?.Dispose();
}
