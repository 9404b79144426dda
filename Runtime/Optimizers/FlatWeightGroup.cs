using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using StaticKeras.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// The trainable weights of one dtype and device laid end to end in one contiguous buffer, their
/// gradients in another and each optimizer slot (Adam's moments, ...) in a third, so an update is a
/// handful of in-place operations on the flat buffers whatever the number of weights.
/// </summary>
/// <remarks>
/// Each <see cref="Parameter"/> stays the same object, registered in its module: its storage is
/// rebound (<c>Tensor.set_</c>) to a view of <see cref="Weights"/>, so module code, <c>state_dict</c>,
/// loading (which copies in place) and the optimizer all see the same memory. Each parameter's
/// <c>.grad</c> is a view of <see cref="Gradients"/>: autograd and a generated backward pass
/// accumulate into it in place, and one <c>zero_</c> of the flat buffer clears them all.
/// </remarks>
internal sealed class FlatWeightGroup : IDisposable
{
    private readonly long[] _offsets;
    private readonly Tensor[] _weightViews;
    private readonly Tensor[] _gradientViews;
    private readonly Tensor[][] _slotViews;

    private FlatWeightGroup(Parameter[] parameters, int[] indices, int slotCount)
    {
        Parameters = parameters;
        Indices = indices;
        _offsets = new long[parameters.Length + 1];
        for (var i = 0; i < parameters.Length; i++)
        {
            _offsets[i + 1] = _offsets[i] + parameters[i].numel();
        }

        var first = parameters[0];
        var length = _offsets[^1];
        Weights = empty(length, dtype: first.dtype, device: first.device).DetachFromDisposeScope();
        Gradients = zeros(length, dtype: first.dtype, device: first.device).DetachFromDisposeScope();
        Slots = Enumerable.Range(0, slotCount)
            .Select(_ => zeros(length, dtype: first.dtype, device: first.device).DetachFromDisposeScope())
            .ToArray();
        _weightViews = new Tensor[parameters.Length];
        _gradientViews = new Tensor[parameters.Length];
        _slotViews = new Tensor[parameters.Length][];
        for (var i = 0; i < parameters.Length; i++)
        {
            _weightViews[i] = ViewOf(Weights, i);
            _gradientViews[i] = ViewOf(Gradients, i);
            _slotViews[i] = Slots.Select(slot => ViewOf(slot, i)).ToArray();
        }

        Bind();
    }

    /// <summary>The parameters, in the optimizer's order.</summary>
    public Parameter[] Parameters { get; }

    /// <summary>Each parameter's index in the optimizer's parameter list.</summary>
    public int[] Indices { get; }

    /// <summary>The weights, flat; each parameter's storage is a view of it.</summary>
    public Tensor Weights { get; }

    /// <summary>The gradients, flat; each parameter's <c>.grad</c> is a view of it.</summary>
    public Tensor Gradients { get; }

    /// <summary>The optimizer's per-weight state, one flat buffer per slot, laid out as <see cref="Weights"/>.</summary>
    public Tensor[] Slots { get; }

    /// <summary>Parameter <paramref name="i"/>'s weight, a view of <see cref="Weights"/> shaped like it.</summary>
    public Tensor WeightView(int i) => _weightViews[i];

    /// <summary>Parameter <paramref name="i"/>'s gradient, a view of <see cref="Gradients"/>.</summary>
    public Tensor GradientView(int i) => _gradientViews[i];

    /// <summary>Parameter <paramref name="i"/>'s slots, views of <see cref="Slots"/>.</summary>
    public Tensor[] SlotViews(int i) => _slotViews[i];

    /// <summary>
    /// Groups <paramref name="parameters"/> by dtype and device (in order of first appearance) and
    /// rebinds each one's storage and gradient to views of its group's flat buffers.
    /// </summary>
    public static FlatWeightGroup[] Create(IReadOnlyList<Parameter> parameters, int slotCount)
    {
        using var noGrad = no_grad();
        return parameters
            .Select((p, i) => (p, i))
            .GroupBy(pi => (pi.p.dtype, pi.p.device_type, pi.p.device_index))
            .Select(g => new FlatWeightGroup(g.Select(pi => pi.p).ToArray(), g.Select(pi => pi.i).ToArray(), slotCount))
            .ToArray();
    }

    /// <summary>
    /// Makes sure every parameter still lives in <see cref="Weights"/> and every gradient in
    /// <see cref="Gradients"/>: a gradient written as a new tensor (e.g. <c>p.grad = g</c>) is
    /// copied in and the view put back; a parameter whose storage was replaced (a load that does
    /// not copy in place) has its values copied in and is rebound.
    /// </summary>
    /// <returns>Which parameters have a gradient (<see langword="null"/> when all do).</returns>
    public bool[]? Gather()
    {
        bool[]? present = null;
        for (var i = 0; i < Parameters.Length; i++)
        {
            var parameter = Parameters[i];
            if (DataPointer(parameter) != DataPointer(_weightViews[i]))
            {
                _weightViews[i].copy_(parameter);
                parameter.set_(_weightViews[i]);
                TransposedViews.Register(parameter);
            }

            if (GradientBuffers.IsGradient(parameter, _gradientViews[i]))
            {
                continue;   // the common case, checked without a handle for the gradient
            }

            using var gradient = parameter.grad;
            if (gradient is null)
            {
                present ??= Enumerable.Repeat(true, Parameters.Length).ToArray();
                present[i] = false;
            }
            else
            {
                _gradientViews[i].copy_(gradient);
                parameter.grad = _gradientViews[i];
            }
        }

        return present;
    }

    /// <summary>Zeroes every gradient with one <c>zero_</c> and points each <c>.grad</c> at its view.</summary>
    public void ZeroGradients()
    {
        if (!FusedCpuUpdate.Clear(Gradients))
        {
            Gradients.zero_();
        }

        for (var i = 0; i < Parameters.Length; i++)
        {
            if (!GradientBuffers.IsGradient(Parameters[i], _gradientViews[i]))
            {
                Parameters[i].grad = _gradientViews[i];
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        for (var i = 0; i < Parameters.Length; i++)
        {
            GradientBuffers.Unregister(Parameters[i], _gradientViews[i]);
            if (!Parameters[i].IsInvalid && DataPointer(Parameters[i]) == DataPointer(_weightViews[i]))
            {
                TransposedViews.Unregister(Parameters[i]);   // still ours: not rebound to a newer group's buffer
            }

            TransposedViews.Unregister(_gradientViews[i]);
        }

        foreach (var view in _weightViews.Concat(_gradientViews).Concat(_slotViews.SelectMany(v => v)))
        {
            view.Dispose();
        }

        Gradients.Dispose();
        foreach (var slot in Slots)
        {
            slot.Dispose();
        }

        // The weights' storage lives on in the parameters that view it.
        Weights.Dispose();
    }

    private void Bind()
    {
        for (var i = 0; i < Parameters.Length; i++)
        {
            _weightViews[i].copy_(Parameters[i]);
            Parameters[i].set_(_weightViews[i]);
            Parameters[i].grad = _gradientViews[i];
            GradientBuffers.Register(Parameters[i], _gradientViews[i]);
            TransposedViews.Register(Parameters[i]);        // a 2-D weight's t() and its gradient's, for the Dense kernels
            TransposedViews.Register(_gradientViews[i]);
        }
    }

    private Tensor ViewOf(Tensor flat, int i) =>
        flat.narrow(0, _offsets[i], _offsets[i + 1] - _offsets[i]).view(Parameters[i].shape).DetachFromDisposeScope();

    /// <summary>The address of a tensor's first element (<c>at::Tensor::data_ptr</c>), to tell whether it is still a view of ours.</summary>
    private static IntPtr DataPointer(Tensor tensor) => NativeMethods.THSTensor_data(tensor.Handle);

    private static class NativeMethods
    {
        // TorchSharp's own binding of the same export is internal; TorchSharp has loaded the library by now.
        [DllImport("LibTorchSharp")]
        public static extern IntPtr THSTensor_data(IntPtr handle);
    }
}
