using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// One pass over an <see cref="IBatchSource"/> as every loop runs it: fetch the next batch, call
/// the batch-begin hook, run the step in its own dispose scope (which also frees the batch), call
/// the batch-end hook. A batch is fetched before its hooks, so a source of unknown length ends
/// without a spurious batch-begin. Batches go to the model's device when it is not the CPU,
/// copied asynchronously (<c>non_blocking</c>) from pinned memory.
/// </summary>
internal static class BatchLoop
{
    /// <summary>Runs the pass; returns the number of batches and samples seen.</summary>
    /// <param name="source">The batches.</param>
    /// <param name="device">The model's device.</param>
    /// <param name="begin">The batch-begin hook, given the step number.</param>
    /// <param name="step">The step on the batch, inside its dispose scope.</param>
    /// <param name="end">The batch-end hook.</param>
    /// <param name="stop">Checked after each batch: stop the pass early (<c>StopTraining</c>).</param>
    public static (int Steps, long Samples) Run(IBatchSource source, Device device, Action<int> begin,
        Action<Tensor, Tensor?, Tensor?> step, Action<int> end, Func<bool>? stop = null)
    {
        var steps = 0;
        var samples = 0L;
        using var batches = source.Epoch().GetEnumerator();
        while (true)
        {
            Tensor x;
            Tensor? y, weights;
            using (var fetch = NewDisposeScope())
            {
                if (!batches.MoveNext())
                {
                    break;
                }

                (x, y, weights) = ToDevice(batches.Current, device);
                fetch.Detach(Present(x, y, weights));   // the step's scope takes them over
            }

            begin(steps);
            using (var scope = NewDisposeScope())
            {
                scope.Attach(Present(x, y, weights));
                samples += x.shape[0];
                step(x, y, weights);
            }

            end(steps);
            steps++;
            if (stop?.Invoke() == true)
            {
                break;
            }
        }

        return (steps, samples);
    }

    private static (Tensor X, Tensor? Y, Tensor? Weights) ToDevice((Tensor X, Tensor? Y, Tensor? Weights) batch, Device device)
    {
        if (device.type == DeviceType.CPU)
        {
            return batch;
        }

        return (Move(batch.X, device), batch.Y is null ? null : Move(batch.Y, device), batch.Weights is null ? null : Move(batch.Weights, device));
    }

    // Page-locked memory lets the copy overlap the running step, as DataLoader's pin_memory does.
    private static Tensor Move(Tensor tensor, Device device) =>
        tensor.device_type == DeviceType.CPU && device.type == DeviceType.CUDA
            ? tensor.pin_memory().to(device, non_blocking: true)
            : tensor.to(device, non_blocking: true);

    private static IDisposable[] Present(Tensor x, Tensor? y, Tensor? weights)
    {
        var list = new List<IDisposable> { x };
        if (y is not null)
        {
            list.Add(y);
        }

        if (weights is not null)
        {
            list.Add(weights);
        }

        return [.. list];
    }
}
