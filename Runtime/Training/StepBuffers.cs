using System;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The buffers of a generated training step's static memory plan: the generator works out at build
/// time which activations and gradients the step writes through a kernel's <c>into</c> argument, and
/// which of them can share a buffer because their lifetimes do not overlap; this object holds those
/// buffers, allocated once per batch size (shapes <c>(batch, ...)</c>) and reused by every later step.
/// </summary>
/// <remarks>
/// Each buffer keeps the tensors of the two batch sizes used last: the full batch and the last,
/// smaller batch of an epoch then both stay allocated. A buffer is reallocated when the dtype or
/// device of the tensor it is asked for changes (<c>model.to(...)</c>). Buffers belong to no dispose
/// scope; they live as long as the model. Generated steps are not reentrant: one step at a time.
/// </remarks>
public sealed class StepBuffers : IDisposable
{
    private readonly long[][] _shapes;
    private readonly Entry[] _recent;
    private readonly Entry[] _older;
    private Entry _scalar;

    /// <summary>Creates the plan's buffers (none is allocated before its first use).</summary>
    /// <param name="shapes">Each buffer's shape without the batch axis, as the generator planned it.</param>
    /// <exception cref="ArgumentException">A size is not positive.</exception>
    public StepBuffers(params long[][] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        foreach (var shape in shapes)
        {
            ArgumentNullException.ThrowIfNull(shape, nameof(shapes));
            if (Array.Exists(shape, size => size <= 0))
            {
                throw new ArgumentException($"a planned buffer needs known positive sizes; got {ShapeText.WithBatch(shape)}.", nameof(shapes));
            }
        }

        _shapes = shapes;
        _recent = new Entry[shapes.Length];
        _older = new Entry[shapes.Length];
    }

    /// <summary>The number of buffers in the plan.</summary>
    public int Count => _shapes.Length;

    /// <summary>
    /// Buffer <paramref name="index"/> for a step whose batch size, dtype and device are those of
    /// <paramref name="like"/> (a tensor of the step with the batch as its first axis): shape
    /// <c>(like.size(0), ...planned)</c>. Its contents are whatever an earlier step left; kernels overwrite it.
    /// </summary>
    /// <param name="index">The buffer's number in the plan.</param>
    /// <param name="like">A tensor of the step giving the batch size, dtype and device.</param>
    /// <exception cref="ArgumentOutOfRangeException">No buffer has that number.</exception>
    public Tensor Get(int index, Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        if ((uint)index >= (uint)_shapes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the plan has {_shapes.Length} buffers.");
        }

        var key = new Key(like.size(0), like.dtype, like.device_type, like.device_type == DeviceType.CPU ? -1 : like.device_index);
        if (_recent[index].Tensor is { } recent && _recent[index].Key == key)
        {
            return recent;
        }

        if (_older[index].Tensor is { } older && _older[index].Key == key)
        {
            (_recent[index], _older[index]) = (_older[index], _recent[index]);
            return older;
        }

        // The least recently used batch size makes way; it is freed now rather than by the finalizer.
        Free(_older[index].Tensor);
        _older[index] = _recent[index];
        var shape = new long[_shapes[index].Length + 1];
        shape[0] = key.Batch;
        _shapes[index].CopyTo(shape, 1);
        var tensor = empty(shape, key.DType, like.device).DetachFromDisposeScope();
        Layers.TransposedViews.Register(tensor);   // a 2-D buffer's t(), for the Dense kernels' products
        _recent[index] = new Entry(key, tensor);
        return tensor;
    }

    /// <summary>
    /// A 0-d tensor of <paramref name="like"/>'s dtype and device, held like the buffers: where a fused loss
    /// writes the step's loss value. Its value is the last step's until a kernel writes it.
    /// </summary>
    /// <param name="like">A tensor of the step giving the dtype and device.</param>
    public Tensor Scalar(Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        var key = new Key(0, like.dtype, like.device_type, like.device_type == DeviceType.CPU ? -1 : like.device_index);
        if (_scalar.Tensor is { } held && _scalar.Key == key)
        {
            return held;
        }

        _scalar.Tensor?.Dispose();
        var tensor = empty([], key.DType, like.device).DetachFromDisposeScope();
        _scalar = new Entry(key, tensor);
        return tensor;
    }

    /// <summary>Frees every buffer; a later <see cref="Get"/> allocates again.</summary>
    public void Dispose()
    {
        _scalar.Tensor?.Dispose();
        _scalar = default;
        for (var i = 0; i < _shapes.Length; i++)
        {
            Free(_recent[i].Tensor);
            Free(_older[i].Tensor);
            _recent[i] = default;
            _older[i] = default;
        }
    }

    private static void Free(Tensor? buffer)
    {
        if (buffer is not null)
        {
            Layers.TransposedViews.Unregister(buffer);
            buffer.Dispose();
        }
    }

    private readonly record struct Key(long Batch, ScalarType DType, DeviceType Device, int DeviceIndex);

    private readonly record struct Entry(Key Key, Tensor? Tensor);
}
