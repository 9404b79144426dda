using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace StaticKeras.Data;

/// <summary>
/// The background work of a dataset: a producer thread reading ahead into a bounded channel, and an
/// order-keeping parallel map built on it. An exception on a background thread is rethrown to the
/// reader as it was thrown; a reader that stops early cancels the producer and waits for it.
/// </summary>
internal static class Background
{
    /// <summary>The elements of <paramref name="source"/>, read ahead by up to <paramref name="capacity"/> on a dedicated thread.</summary>
    public static IEnumerable<T> Prefetch<T>(IEnumerable<T> source, int capacity)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var element in source)
                {
                    while (!channel.Writer.TryWrite(element))
                    {
                        if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                        {
                            return;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var element))
                {
                    yield return element;
                }
            }

            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.GetAwaiter().GetResult();
            while (channel.Reader.TryRead(out var left))
            {
                // Elements read ahead but never handed out; not a map's pending tasks, which may
                // still run (disposing an unfinished task throws).
                if (left is IDisposable disposable and not Task)
                {
                    disposable.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="selector"/> of each element of <paramref name="source"/>, computed on the thread
    /// pool with up to about <paramref name="workers"/> at once, returned in the source's order.
    /// </summary>
    public static IEnumerable<TResult> OrderedMap<T, TResult>(IEnumerable<T> source, Func<T, TResult> selector, int workers) =>
        Prefetch(source.Select(element => Task.Run(() => selector(element))), workers)
            .Select(task => task.GetAwaiter().GetResult());
}
