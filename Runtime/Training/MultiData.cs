using System;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>Checks the inputs of a <c>Predict</c> call (one or several) before the first batch.</summary>
internal static class MultiData
{
    /// <summary>
    /// The number of samples of <paramref name="tensors"/>, after checking each against its spec
    /// and that they all have as many samples, at least one.
    /// </summary>
    /// <param name="model">The model's name, for messages.</param>
    /// <param name="tensors">The inputs in declaration order.</param>
    /// <param name="specs">Their declared shapes.</param>
    /// <param name="operation">The operation, for messages.</param>
    public static long Samples(string model, Tensor[] tensors, TensorSpec[] specs, string operation)
    {
        var samples = -1L;
        string? first = null;
        for (var i = 0; i < tensors.Length; i++)
        {
            var name = specs[i].Name;
            ArgumentNullException.ThrowIfNull(tensors[i], name);
            if (InputCheck.Mismatch(model, specs[i], tensors[i], $"input '{name}'") is { } problem)
            {
                throw new ArgumentException($"{operation}: {problem}", name);
            }

            var length = tensors[i].shape.Length == 0 ? 0 : tensors[i].shape[0];
            if (samples < 0)
            {
                (samples, first) = (length, name);
            }
            else if (length != samples)
            {
                throw new ArgumentException(
                    $"{operation} needs as many samples in every tensor; '{first}' has {samples} but '{name}' has {length}.", name);
            }
        }

        if (samples <= 0)
        {
            throw new ArgumentException($"{operation} needs at least one sample; got {Math.Max(samples, 0)}.", first);
        }

        return samples;
    }
}
