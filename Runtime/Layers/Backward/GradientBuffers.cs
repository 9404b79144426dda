using System;
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
    public static Tensor? Of(Parameter? weight)
    {
        if (weight is null || !weight.requires_grad)
        {
            return null;
        }

        var buffer = weight.grad;
        if (buffer is null)
        {
            buffer = zeros_like(weight).DetachFromDisposeScope();
            weight.grad = buffer;
        }

        return buffer;
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
