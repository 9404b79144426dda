using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Where layer <c>Backward</c> methods put their results: weight gradients are added in place into
/// each weight's <c>.grad</c> (shared layers' contributions sum; fused flat gradient buffers stay
/// valid because the tensor object is never replaced), input gradients go into the caller's
/// <c>into</c> buffer when one is given.
/// </summary>
internal static class GradientBuffers
{
    /// <summary>
    /// Adds <paramref name="gradient"/> (shaped like <paramref name="weight"/>) into <c>weight.grad</c>.
    /// A frozen weight (<c>requires_grad</c> false) is left alone; a weight without a gradient buffer
    /// yet (a layer used outside a model's step) gets a zero one, kept outside any dispose scope.
    /// </summary>
    public static void Accumulate(Parameter? weight, Tensor gradient) => Of(weight)?.add_(gradient);

    /// <summary>
    /// The gradient buffer of <paramref name="weight"/> to add into in place (created as zeros outside any
    /// dispose scope when missing), or null for a missing or frozen weight.
    /// </summary>
    /// <remarks>
    /// A weight the optimizer's flat buffers hold has its gradient view registered (<see cref="Register"/>):
    /// while its <c>.grad</c> is still that view (checked in native code, no <see cref="Tensor"/> handle
    /// made), the registered view is returned, so a step's kernels create no tensor to reach a gradient.
    /// </remarks>
    public static Tensor? Of(Parameter? weight)
    {
        if (weight is null || !weight.requires_grad)
        {
            return null;
        }

        if (s_views.TryGetValue(weight, out var view) && IsGradient(weight, view))
        {
            return view;
        }

        var buffer = weight.grad;
        if (buffer is null)
        {
            buffer = zeros_like(weight).DetachFromDisposeScope();
            weight.grad = buffer;
        }

        return buffer;
    }

    /// <summary>
    /// Registers <paramref name="view"/> (a view of an optimizer's flat gradient buffer, kept alive by it) as
    /// <paramref name="weight"/>'s gradient buffer for <see cref="Of"/>.
    /// </summary>
    internal static void Register(Parameter weight, Tensor view) => s_views.AddOrUpdate(weight, view);

    /// <summary>Removes <paramref name="weight"/>'s registration if it is still <paramref name="view"/> (not a newer optimizer's).</summary>
    internal static void Unregister(Parameter weight, Tensor view)
    {
        if (s_views.TryGetValue(weight, out var registered) && ReferenceEquals(registered, view))
        {
            s_views.Remove(weight);
        }
    }

    /// <summary>
    /// Whether <paramref name="weight"/>'s <c>.grad</c> is <paramref name="view"/>'s memory (the same first
    /// element), read through libtorch without making a TorchSharp handle for the gradient.
    /// </summary>
    internal static bool IsGradient(Tensor weight, Tensor view)
    {
        var grad = NativeMethods.THSTensor_grad(weight.Handle);
        if (grad == IntPtr.Zero)
        {
            return false;
        }

        try
        {
            return NativeMethods.THSTensor_data(grad) == NativeMethods.THSTensor_data(view.Handle);
        }
        finally
        {
            NativeMethods.THSTensor_dispose(grad);
        }
    }

    // Weight -> its gradient view in an optimizer's flat buffer; weak, so a dropped model frees its entries.
    private static readonly ConditionalWeakTable<Parameter, Tensor> s_views = [];

    private static class NativeMethods
    {
        // TorchSharp binds the same exports internally; TorchSharp has loaded the library by the time a weight exists.
        [DllImport("LibTorchSharp")]
        public static extern IntPtr THSTensor_grad(IntPtr handle);

        [DllImport("LibTorchSharp")]
        public static extern IntPtr THSTensor_data(IntPtr handle);

        [DllImport("LibTorchSharp")]
        public static extern void THSTensor_dispose(IntPtr handle);
    }

    /// <summary>Returns <paramref name="result"/>, or copies it into <paramref name="into"/> and returns that when given.</summary>
    public static Tensor Into(Tensor result, Tensor? into)
    {
        if (into is null)
        {
            return result;
        }

        if (!into.shape.AsSpan().SequenceEqual(result.shape))
        {
            throw new ArgumentException(
                $"Backward: the 'into' buffer has shape {ShapeText.Of(into.shape)}, expected the input's shape {ShapeText.Of(result.shape)}.",
                nameof(into));
        }

        return into.copy_(result);
    }
}
