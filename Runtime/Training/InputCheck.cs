using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>Compares a tensor with a model's declared input: rank, known sizes, symbolic sizes, float32.</summary>
internal static class InputCheck
{
    /// <summary>Why <paramref name="x"/> does not fit <paramref name="info"/>'s input, or <see langword="null"/>.</summary>
    /// <param name="info">The model.</param>
    /// <param name="x">A batch or a whole dataset.</param>
    /// <param name="subject">What to call the tensor in the message (<c>inputs</c>, <c>x</c>).</param>
    public static string? Mismatch(ModelInfo info, Tensor x, string subject) => Mismatch(info.Name, info.Input, x, subject);

    /// <summary>Why <paramref name="x"/> does not fit <paramref name="spec"/>, one of model <paramref name="model"/>'s inputs, or <see langword="null"/>.</summary>
    public static string? Mismatch(string model, TensorSpec spec, Tensor x, string subject)
    {
        var shape = Inference.TensorShape.Of(x);
        var problem = ShapeProblem(spec, shape);
        if (problem is null && x.dtype == ScalarType.Float32)
        {
            return null;
        }

        return $"{model} expects {subject} of shape {spec.Display} and dtype float32; " +
            $"got shape {ShapeText.Of(shape)} and dtype {DTypes.Name(x.dtype)}" + (problem is null ? "." : $" ({problem}).");
    }

    private static string? ShapeProblem(TensorSpec spec, long[] shape)
    {
        if (shape.Length != spec.Dimensions.Length + 1)
        {
            return $"rank {shape.Length} instead of {spec.Dimensions.Length + 1}";
        }

        Dictionary<string, (long Size, int Axis)>? symbols = null;   // only for symbolic sizes: Fit checks every batch
        for (var i = 0; i < spec.Dimensions.Length; i++)
        {
            var actual = shape[i + 1];
            if (spec.Dimensions[i] >= 0 && actual != spec.Dimensions[i])
            {
                return $"axis {i + 1} is {actual} instead of {spec.Dimensions[i]}";
            }

            if (spec.DimensionNames[i] is { } name)
            {
                symbols ??= [];
                if (symbols.TryGetValue(name, out var seen) && seen.Size != actual)
                {
                    return $"'{name}' is {seen.Size} at axis {seen.Axis} but {actual} at axis {i + 1}";
                }

                symbols[name] = (actual, i + 1);
            }
        }

        return null;
    }
}
