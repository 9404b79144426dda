using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using StaticKeras.Data;
using Xunit;

namespace StaticKeras.Runtime.Tests.Data.Streaming;

public class DatasetTests
{
    private static readonly int[] Hundred = Enumerable.Range(0, 100).ToArray();

    [Fact]
    public void ShuffleIsAPermutationFixedBySeedAndNewEveryPass()
    {
        var a = Dataset.From(Hundred).Shuffle(bufferSize: 100, seed: 7);
        var b = Dataset.From(Hundred).Shuffle(bufferSize: 100, seed: 7);
        var (a0, a1) = (a.ToArray(), a.ToArray());
        Assert.Equal(Hundred, a0.Order());
        Assert.NotEqual(Hundred, a0);
        Assert.NotEqual(a0, a1);                      // each pass (epoch) draws a new order
        Assert.Equal(a0, b.ToArray());                // ... the same ones for the same seed
        Assert.Equal(a1, b.ToArray());
        Assert.NotEqual(a0, Dataset.From(Hundred).Shuffle(100, seed: 8).ToArray());
        Assert.Equal(100, a.Count);
    }

    [Fact]
    public void ASmallBufferShufflesLocallyAndABufferOfOneKeepsTheOrder()
    {
        Assert.Equal(Hundred, Dataset.From(Hundred).Shuffle(1, seed: 3).ToArray());
        var local = Dataset.From(Hundred).Shuffle(10, seed: 3).ToArray();
        Assert.Equal(Hundred, local.Order());
        // An element can only come out after the buffer has taken it in: never before position i - 9.
        Assert.All(local.Select((value, position) => (value, position)), e => Assert.True(e.value <= e.position + 9));
    }

    [Fact]
    public void BatchGroupsInOrderWithASmallerLastBatchOrDropsIt()
    {
        var batches = Dataset.From(Enumerable.Range(0, 7).ToArray()).Batch(3);
        Assert.Equal(3, batches.Count);
        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], batches.ToArray());
        var dropped = Dataset.From(Enumerable.Range(0, 7).ToArray()).Batch(3, dropRemainder: true);
        Assert.Equal(2, dropped.Count);
        Assert.Equal([[0, 1, 2], [3, 4, 5]], dropped.ToArray());
    }

    [Fact]
    public void MapOnSeveralWorkersKeepsTheOrderAndRunsOffTheCallingThread()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        var caller = Environment.CurrentManagedThreadId;
        var mapped = Dataset.From(Hundred).Map(i =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            Thread.Sleep((i * 7) % 5);   // uneven work: later elements often finish first
            return i * 2;
        }, workers: 4);

        Assert.Equal(Hundred.Select(i => i * 2), mapped.ToArray());
        Assert.DoesNotContain(caller, threads.Keys);   // how many of the four workers share the work depends on the machine's load
    }

    [Fact]
    public void PrefetchReadsAheadOnABackgroundThreadUpToItsBuffer()
    {
        var produced = 0;
        var producerThreads = new ConcurrentDictionary<int, bool>();
        var source = Dataset.From(() => Produce(), count: 50);
        IEnumerable<int> Produce()
        {
            for (var i = 0; i < 50; i++)
            {
                producerThreads[Environment.CurrentManagedThreadId] = true;
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        using var reader = source.Prefetch(bufferSize: 5).GetEnumerator();
        Assert.True(reader.MoveNext());
        SpinWait.SpinUntil(() => Volatile.Read(ref produced) >= 6, TimeSpan.FromSeconds(5));
        Thread.Sleep(50);
        // one handed out, five waiting in the buffer, and the producer blocked holding the seventh at most
        Assert.InRange(Volatile.Read(ref produced), 6, 7);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, producerThreads.Keys);
        var rest = new List<int> { reader.Current };
        while (reader.MoveNext())
        {
            rest.Add(reader.Current);
        }

        Assert.Equal(Enumerable.Range(0, 50), rest);
    }

    [Fact]
    public void StoppingEarlyStopsTheBackgroundWork()
    {
        var produced = 0;
        var endless = Dataset.From(() => Endless(() => Interlocked.Increment(ref produced)));
        Assert.Equal([0, 1, 2], endless.Map(i => i, workers: 3).Prefetch(4).Take(3).ToArray());
        var afterStop = Volatile.Read(ref produced);
        Thread.Sleep(50);
        Assert.Equal(afterStop, Volatile.Read(ref produced));
    }

    [Fact]
    public void ABackgroundExceptionReachesTheReaderAsItWasThrown()
    {
        var failing = Dataset.From(Hundred).Map(i => i == 42 ? throw new FormatException("bad sample 42") : i, workers: 3).Prefetch(2);
        var error = Assert.Throws<FormatException>(() => failing.ToArray());
        Assert.Equal("bad sample 42", error.Message);
        var fromSource = Dataset.From<int>(() => throw new System.IO.IOException("disk gone")).Prefetch();
        Assert.Equal("disk gone", Assert.Throws<System.IO.IOException>(() => fromSource.ToArray()).Message);
    }

    [Fact]
    public void AnAsyncSourceIsReadEachPassAndRangeCountsUp()
    {
        var passes = 0;
        var data = Dataset.FromAsync(token => Numbers(3, () => passes++, token), count: 3);
        Assert.Equal([0, 1, 2], data.ToArray());
        Assert.Equal([0, 1, 2], data.ToArray());
        Assert.Equal(2, passes);
        Assert.Equal([0L, 1, 2, 3], Dataset.Range(4).ToArray());
        Assert.Equal(4, Dataset.Range(4).Count);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var data = Dataset.From(Hundred);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Shuffle(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Batch(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Map(i => i, workers: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Prefetch(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Take(-1));
        Assert.Equal(10, data.Take(10).Count);
    }

    private static IEnumerable<int> Endless(Action onEach)
    {
        for (var i = 0; ; i++)
        {
            onEach();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Numbers(int count, Action onStart, [EnumeratorCancellation] CancellationToken token = default)
    {
        onStart();
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
