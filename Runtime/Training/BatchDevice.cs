using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Moves a batch to the model's device before its step, as TorchSharp's <c>DataLoader</c> with
/// <c>pin_memory</c> does: on the CPU nothing happens; for CUDA each CPU tensor is copied to
/// page-locked memory and on to the GPU asynchronously (<c>non_blocking</c>), so the copy overlaps
/// the work already queued on the device. The copies belong to the caller's dispose scope (the step's).
/// </summary>
internal static class BatchDevice
{
    /// <summary>The batch on <paramref name="device"/>: the same batch when it is the CPU.</summary>
    public static Batch To(Batch batch, Device device)
    {
        if (device.type == DeviceType.CPU)
        {
            return batch;
        }

        return new Batch(Move(batch.X, device), Move(batch.Y, device), Move(batch.SampleWeight, device));
    }

    private static T[] Move<T>(T[] tensors, Device device) where T : Tensor?
    {
        var moved = new T[tensors.Length];
        for (var i = 0; i < moved.Length; i++)
        {
            moved[i] = (T)(tensors[i] is { } tensor ? Move(tensor, device) : null)!;
        }

        return moved;
    }

    private static Tensor Move(Tensor tensor, Device device)
    {
        if (tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index))
        {
            return tensor;
        }

        return tensor.device_type == DeviceType.CPU && device.type == DeviceType.CUDA
            ? tensor.pin_memory().to(device, non_blocking: true)
            : tensor.to(device, non_blocking: true);
    }
}
