using System;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The optional check that data given to <c>Fit</c>, <c>Evaluate</c> or <c>Predict</c> holds no NaN or
/// infinity (<see cref="Model.CheckFiniteInputs"/>): one pass over each floating-point tensor before any
/// batch, naming the first bad sample. Off by default, as in Keras, whose answer to NaN is the
/// <see cref="Callbacks.TerminateOnNaN"/> callback.
/// </summary>
internal static class FiniteChecks
{
    /// <summary>Throws if <paramref name="tensor"/> holds a NaN or an infinity; integer tensors always pass.</summary>
    /// <param name="tensor">Samples along the first axis (a scalar is checked as one value).</param>
    /// <param name="name">The argument, for the message (<c>x</c>, <c>y</c>, <c>input 'image'</c>).</param>
    /// <param name="operation">Fit, Evaluate or Predict.</param>
    /// <exception cref="ArgumentException">The first non-finite value, its sample and its index.</exception>
    public static void Check(Tensor? tensor, string name, string operation)
    {
        if (tensor is null || !(tensor.is_floating_point() || tensor.is_complex()) || tensor.numel() == 0)
            return;

        using var scope = NewDisposeScope();
        var bad = tensor.isfinite().logical_not_().reshape(-1);
        if (!bad.any().item<bool>())
            return;

        // argmax returns the first maximum: the first non-finite element in row-major order.
        var flat = bad.to_type(ScalarType.Byte).argmax().item<long>();
        var index = Unravel(flat, tensor.shape);
        var value = tensor.reshape(-1)[flat].to_type(ScalarType.Float64).item<double>();
        var what = double.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
        var sample = index.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" in sample {index[0]}");
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture,
                $"{operation}: {name} holds {what}{sample} (at [{string.Join(", ", index)}]); expected finite values. " +
                $"(This check runs because CheckFiniteInputs is on.)"),
            name);
    }

    private static long[] Unravel(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }
}
