using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Samples.Serving;

/// <summary>
/// Runs concurrent requests as one batch: the first request to arrive waits up to
/// <see cref="ServingOptions.MaxDelayMs"/> for others (or until <see cref="ServingOptions.MaxBatchImages"/>
/// images are waiting), then all of them go through one <c>Predict</c> and each gets its own rows back.
/// One batch runs at a time, on one thread, so a burst of requests costs one forward pass per batch
/// instead of one per request.
/// </summary>
public sealed class MicroBatcher : IAsyncDisposable
{
    private readonly ServedModel model;
    private readonly TimeSpan maxDelay;
    private readonly int maxImages;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private long batches;
    private long requests;

    /// <summary>Starts the batching loop.</summary>
    public MicroBatcher(ServedModel model, IOptions<ServingOptions> options)
    {
        this.model = model;
        maxDelay = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.MaxDelayMs));
        maxImages = Math.Max(1, options.Value.MaxBatchImages);
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Batches run so far and the requests they served (their ratio is the mean batch).</summary>
    public (long Batches, long Requests) Counts => (Interlocked.Read(ref batches), Interlocked.Read(ref requests));

    /// <summary>Queues one request's images and completes with its class probabilities.</summary>
    public Task<float[]> PredictAsync(ImageRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(MicroBatcher));
        }

        return pending.Result.Task;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task Run()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var images = 0;
            var deadline = Stopwatch.GetTimestamp() + (long)(maxDelay.TotalSeconds * Stopwatch.Frequency);
            // Take what is waiting; then wait for more until the deadline or the batch is full.
            while (images < maxImages)
            {
                if (reader.TryPeek(out var next) && (batch.Count == 0 || images + next.Request.Count <= maxImages))
                {
                    reader.TryRead(out _);
                    batch.Add(next);
                    images += next.Request.Count;
                    continue;
                }

                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (next is not null || left <= TimeSpan.Zero || !await WaitForMore(reader, left).ConfigureAwait(false))
                {
                    break;
                }
            }

            RunBatch(batch, images);
        }
    }

    // Whether another request arrived within the time left.
    private static async Task<bool> WaitForMore(ChannelReader<Pending> reader, TimeSpan left)
    {
        using var timeout = new CancellationTokenSource(left);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void RunBatch(List<Pending> batch, int images)
    {
        try
        {
            var pixels = new float[images * ServedModel.Pixels];
            var offset = 0;
            foreach (var pending in batch)
            {
                pending.Request.Pixels.CopyTo(pixels, offset);
                offset += pending.Request.Pixels.Length;
            }

            var probabilities = model.Predict(pixels, images);
            var row = 0;
            foreach (var pending in batch)
            {
                pending.Result.TrySetResult(probabilities.AsSpan(row * ServedModel.Classes, pending.Request.Count * ServedModel.Classes).ToArray());
                row += pending.Request.Count;
            }

            Interlocked.Increment(ref batches);
            Interlocked.Add(ref requests, batch.Count);
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }
        }
    }

    private sealed record Pending(ImageRequest Request, TaskCompletionSource<float[]> Result);
}
