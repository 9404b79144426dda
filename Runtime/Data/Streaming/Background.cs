using System;
using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary>
/// The background work of a dataset, on dedicated threads that block while they wait (never the
/// thread pool, whose idle workers spin and take a core from LibTorch's threads): a read-ahead on
/// one thread (<see cref="Prefetch{T}"/>) and an order-keeping parallel map (<see cref="OrderedMap{T, TResult}"/>),
/// both a <see cref="ReadAhead{T, TResult}"/>. An exception on a background thread is rethrown to
/// the reader as it was thrown; a reader that stops early stops the threads and waits for them.
/// </summary>
internal static class Background
{
    /// <summary>The elements of <paramref name="source"/>, read ahead by up to <paramref name="capacity"/> on a dedicated thread.</summary>
    public static IEnumerable<T> Prefetch<T>(IEnumerable<T> source, int capacity) =>
        Run(source, static element => element, workers: 1, capacity, selectorKeepsElements: true);

    /// <summary>
    /// <paramref name="selector"/> of each element of <paramref name="source"/>, computed on
    /// <paramref name="workers"/> dedicated threads, up to two per worker ahead of the reader,
    /// returned in the source's order.
    /// </summary>
    public static IEnumerable<TResult> OrderedMap<T, TResult>(IEnumerable<T> source, Func<T, TResult> selector, int workers) =>
        Run(source, selector, workers, capacity: 2 * workers, selectorKeepsElements: false);

    // Threads start when the pass is first read, and stop when it ends, fails or is disposed.
    private static IEnumerable<TResult> Run<T, TResult>(IEnumerable<T> source, Func<T, TResult> selector, int workers, int capacity,
        bool selectorKeepsElements)
    {
        using var run = new ReadAhead<T, TResult>(source, selector, workers, capacity, selectorKeepsElements);
        while (run.TryTake(out var element))
        {
            yield return element;
        }
    }
}
