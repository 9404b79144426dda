using System;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// <see cref="Batches"/> for several inputs and targets: every tensor is cut at the same rows, in
/// order or in one random order per epoch shared by all of them, so sample i of each input still
/// goes with sample i of each target.
/// </summary>
internal sealed class MultiBatches : IDisposable
{
    private readonly Tensor[] _x;
    private readonly Tensor[] _y;
    private readonly bool _shuffle;
    private Tensor? _order;

    public MultiBatches(Tensor[] x, Tensor[] y, long samples, int batchSize, bool shuffle)
    {
        (_x, _y, _shuffle, BatchSize, Samples) = (x, y, shuffle, batchSize, samples);
        Steps = checked((int)((samples + batchSize - 1) / batchSize));
    }

    public int BatchSize { get; }

    public long Samples { get; }

    public int Steps { get; }

    /// <summary>Draws the epoch's order when shuffling; the previous one is released.</summary>
    public void BeginEpoch()
    {
        if (_shuffle)
        {
            _order?.Dispose();
            _order = randperm(Samples);
        }
    }

    /// <summary>Batch <paramref name="step"/> of every input and target; call inside a dispose scope.</summary>
    public (Tensor[] X, Tensor[] Y) Get(int step)
    {
        var start = (long)step * BatchSize;
        var length = Math.Min(BatchSize, Samples - start);
        if (_order is null)
        {
            return (Array.ConvertAll(_x, t => t.narrow(0, start, length)), Array.ConvertAll(_y, t => t.narrow(0, start, length)));
        }

        var indices = _order.narrow(0, start, length);
        return (Array.ConvertAll(_x, t => t.index_select(0, indices)), Array.ConvertAll(_y, t => t.index_select(0, indices)));
    }

    public void Dispose() => _order?.Dispose();
}
