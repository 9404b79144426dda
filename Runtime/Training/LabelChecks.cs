using System;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Checks labels against the loss and the model's output shape, the way each Keras loss reads them:
/// integer class indices in [0, classes) for sparse categorical cross-entropy, arrays of the
/// output's shape otherwise (a trailing axis of 1 may be missing or extra, as Keras aligns them).
/// </summary>
internal static class LabelChecks
{
    /// <summary>Checks <paramref name="y"/>, the targets of output <paramref name="spec"/> of model <paramref name="model"/>, against its loss.</summary>
    /// <param name="model">The model's name, for messages.</param>
    /// <param name="spec">The output's static shape.</param>
    /// <param name="loss">The output's loss.</param>
    /// <param name="y">The targets, batch first.</param>
    /// <param name="name">What to call the targets in a message.</param>
    /// <param name="parameter">The <see cref="ArgumentException.ParamName"/> of an error.</param>
    public static void Check(string model, TensorSpec spec, Loss loss, Tensor y, string name, string parameter)
    {
        var samples = y.shape[0];
        var output = spec.Dimensions;
        var predictionShape = output.Prepend(samples).ToArray();
        var found = $"got {name} of shape {ShapeText.Of(y.shape)} and dtype {DTypes.Name(y.dtype)}";
        switch (loss)
        {
            case Loss.SparseCategoricalCrossentropy:
                var labelShape = predictionShape[..^1];
                if (!DTypes.IsInteger(y.dtype) || !(Matches(y.shape, labelShape) || Matches(y.shape, [.. labelShape, 1])))
                {
                    var hint = Aligned(y.shape, predictionShape) && output[^1] != 1
                        ? " These look like one-hot labels: use Loss.CategoricalCrossentropy for them."
                        : !DTypes.IsInteger(y.dtype) ? " Class labels must be an integer type (e.g. int64)." : "";
                    throw new ArgumentException(
                        $"SparseCategoricalCrossentropy expects integer class labels of shape {Text(labelShape)} or {Text([.. labelShape, 1])} " +
                        $"for {model}'s output {spec.Display}; {found}.{hint}", parameter);
                }

                CheckRange(model, y, name, parameter, output[^1]);
                break;

            case Loss.CategoricalCrossentropy:
            case Loss.BinaryCrossentropy:
            case Loss.MeanSquaredError:
                if (!DTypes.IsNumeric(y.dtype) || !Aligned(y.shape, predictionShape))
                {
                    var hint = loss == Loss.CategoricalCrossentropy && DTypes.IsInteger(y.dtype) && Matches(y.shape, predictionShape[..^1])
                        ? " These look like integer class labels: use Loss.SparseCategoricalCrossentropy for them."
                        : "";
                    throw new ArgumentException(
                        $"{loss} expects labels of {model}'s output shape {Text(predictionShape)}; {found}.{hint}", parameter);
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, $"unknown loss {loss}");
        }
    }

    private static void CheckRange(string model, Tensor y, string name, string parameter, long classes)
    {
        if (classes <= 0)
        {
            return;   // the class count is not known until run time
        }

        // A streamed batch's labels (int64 on the CPU, as ImageBatch makes them): read in place, no torch op.
        if (y.device_type == DeviceType.CPU && y.dtype == ScalarType.Int64 && y.is_contiguous()
            && !MemoryMarshal.Cast<byte, long>(y.bytes).ContainsAnyExceptInRange(0L, classes - 1))
        {
            return;
        }

        using var scope = NewDisposeScope();
        var labels = y.to_type(ScalarType.Int64).reshape(y.shape[0], -1);
        using var zero = 0L.ToScalar();   // held for the calls (see Adam.UpdateStep): this runs on every streamed batch
        using var count = classes.ToScalar();
        var outside = labels.lt(zero) | labels.ge(count);
        if (outside.any().item<bool>())
        {
            var sample = outside.any(1).nonzero()[0, 0].item<long>();
            var label = labels[sample].masked_select(outside[sample])[0].item<long>();
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy needs class labels in [0, {classes}) for {model}'s {classes} output classes; " +
                $"{name} has {label} at sample {sample}.", parameter);
        }
    }

    // Keras' squeeze_or_expand_to_same_rank on shapes, then an exact match (-1 in the output: any size).
    private static bool Aligned(long[] labels, long[] predictions)
    {
        if (labels.Length == predictions.Length + 1 && labels[^1] == 1)
        {
            (labels, predictions) = predictions.Length == 1 ? (labels, [.. predictions, 1]) : (labels[..^1], predictions);
        }
        else if (predictions.Length == labels.Length + 1 && predictions[^1] == 1)
        {
            (labels, predictions) = labels.Length == 1 ? ([.. labels, 1], predictions) : (labels, predictions[..^1]);
        }

        return Matches(labels, predictions);
    }

    private static bool Matches(long[] actual, long[] expected) =>
        actual.Length == expected.Length && actual.Zip(expected).All(p => p.Second < 0 || p.First == p.Second);

    private static string Text(long[] shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape.Select(d => d >= 0 ? d.ToString() : "None")) + ")";
}
