using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace StaticKeras.Data;

/// <summary>
/// A pipeline of elements read lazily, once per epoch (Keras' <c>tf.data.Dataset</c>, in .NET's
/// idiom: an <see cref="IEnumerable{T}"/> that can be enumerated again). Build one with
/// <see cref="Dataset"/>'s factories and chain <see cref="Shuffle"/>, <see cref="Map{TResult}"/>,
/// <see cref="Batch"/> and <see cref="Prefetch"/>; <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c>
/// take a dataset of batches beside in-memory tensors.
/// </summary>
/// <typeparam name="T">The element type: a sample, or a batch after <see cref="Batch"/>.</typeparam>
/// <example>
/// <code>
/// var train = IdxDataset.Open("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")
///     .Shuffle(bufferSize: 10_000, seed: 42)
///     .Batch(32)
///     .Map(batch => ImageBatch.ToTensors(batch, scale: 1 / 255f), workers: 2)
///     .Prefetch(4);
/// model.Fit(train, epochs: 5);
/// </code>
/// </example>
/// <remarks>
/// Each enumeration is one pass (one epoch) and is numbered from 0; <see cref="Shuffle"/> draws its
/// order from its seed and that number, so a given seed gives the same orders run after run.
/// <see cref="Map{TResult}"/> with several workers and <see cref="Prefetch"/> work on background
/// threads and keep the order of their input. Stopping an enumeration early (a <c>break</c>, an
/// exception, <c>StopTraining</c>) stops its background work.
/// </remarks>
public sealed class Dataset<T> : IEnumerable<T>
{
    private readonly Func<int, IEnumerable<T>> _pass;
    private int _passes;

    /// <summary>Creates a dataset whose pass number <c>i</c> yields <paramref name="pass"/>(<c>i</c>).</summary>
    /// <param name="pass">The elements of one pass, given the pass's number (from 0).</param>
    /// <param name="count">The number of elements of a pass, when known (Keras' cardinality).</param>
    public Dataset(Func<int, IEnumerable<T>> pass, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(pass);
        _pass = pass;
        Count = count;
    }

    /// <summary>The number of elements of each pass, or <see langword="null"/> when unknown until read.</summary>
    public long? Count { get; }

    /// <summary>Starts the next pass.</summary>
    public IEnumerator<T> GetEnumerator() => _pass(Interlocked.Increment(ref _passes) - 1).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Shuffles with a buffer of <paramref name="bufferSize"/> elements (<c>tf.data</c>'s
    /// <c>shuffle</c>): the buffer fills, then each element out is drawn at random from it and
    /// replaced by the next one in. A buffer as large as the data is a full shuffle; a smaller one
    /// keeps memory bounded. Every pass draws a new order, fixed by <paramref name="seed"/> and the pass number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferSize"/> is not positive.</exception>
    public Dataset<T> Shuffle(int bufferSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        return new Dataset<T>(pass => ShuffleBuffer.Shuffle(this, bufferSize, PassSeed(seed, pass)), Count);
    }

    /// <summary>
    /// Applies <paramref name="selector"/> to every element, on <paramref name="workers"/> background
    /// threads when more than one, keeping the order (so results do not depend on thread timing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is not positive.</exception>
    public Dataset<TResult> Map<TResult>(Func<T, TResult> selector, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        return new Dataset<TResult>(_ => workers == 1 ? this.Select(selector) : Background.OrderedMap(this, selector, workers), Count);
    }

    /// <summary>Groups consecutive elements into arrays of <paramref name="size"/>; the last is smaller unless dropped.</summary>
    /// <param name="size">Elements per batch.</param>
    /// <param name="dropRemainder">Leave out a last, smaller batch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive.</exception>
    public Dataset<T[]> Batch(int size, bool dropRemainder = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        long? count = Count is { } n ? (dropRemainder ? n / size : (n + size - 1) / size) : null;
        return new Dataset<T[]>(_ => dropRemainder ? this.Chunk(size).Where(c => c.Length == size) : this.Chunk(size), count);
    }

    /// <summary>
    /// Reads ahead up to <paramref name="bufferSize"/> elements on a background thread, so the steps
    /// before it (reading, decoding, batching) overlap the training step that consumes them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferSize"/> is not positive.</exception>
    public Dataset<T> Prefetch(int bufferSize = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        return new Dataset<T>(_ => Background.Prefetch(this, bufferSize), Count);
    }

    /// <summary>The first <paramref name="count"/> elements of each pass.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Dataset<T> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Dataset<T>(_ => Enumerable.Take(this, count), Count is { } n ? Math.Min(n, count) : null);
    }

    /// <summary>Each pass without its first <paramref name="count"/> elements (with <see cref="Take"/>, a split: <c>Take(n)</c> / <c>Skip(n)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Dataset<T> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Dataset<T>(_ => Enumerable.Skip(this, count), Count is { } n ? Math.Max(0, n - count) : null);
    }

    // SplitMix64 of (seed, pass): well-spread, and the same on every platform and .NET version.
    private static int PassSeed(int seed, int pass)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)pass) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }
}
