using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace StaticKeras.Data;

/// <summary>Creates <see cref="Dataset{T}"/>s from .NET sequences.</summary>
public static class Dataset
{
    /// <summary>A dataset of the elements of a list (its count known).</summary>
    public static Dataset<T> From<T>(IReadOnlyList<T> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return new Dataset<T>(_ => elements, elements.Count);
    }

    /// <summary>
    /// A dataset whose every pass calls <paramref name="source"/> for a fresh sequence (a file
    /// reader, a generator method), so each epoch reads from the start.
    /// </summary>
    /// <param name="source">Makes one pass's elements.</param>
    /// <param name="count">The number of elements of a pass, when known.</param>
    public static Dataset<T> From<T>(Func<IEnumerable<T>> source, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Dataset<T>(_ => source(), count);
    }

    /// <summary>
    /// A dataset read from an asynchronous source (a network stream, an async file reader); each
    /// pass calls <paramref name="source"/> anew and waits for each element in turn. Put a
    /// <see cref="Dataset{T}.Prefetch"/> after it to read ahead on a background thread.
    /// </summary>
    public static Dataset<T> FromAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Dataset<T>(_ => source(CancellationToken.None).ToBlockingEnumerable(), count);
    }

    /// <summary>The numbers 0 to <paramref name="count"/> - 1: shuffle them, then map each to the sample it indexes.</summary>
    public static Dataset<long> Range(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Dataset<long>(_ => LongRange(count), count);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return i;
        }
    }
}
