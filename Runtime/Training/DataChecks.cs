using System;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Checks the arrays given to <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> once, before any batch,
/// so that bad data gets an exception naming what was expected and what was found instead of a
/// native error or a silently wrong result mid-epoch.
/// </summary>
internal static class DataChecks
{
    /// <summary>Checks inputs against the model's input; returns the number of samples.</summary>
    public static long Inputs(ModelInfo info, Tensor? x, string name, string operation)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (InputCheck.Mismatch(info, x, name) is { } problem)
        {
            throw new ArgumentException(problem, name);
        }

        var samples = x.shape[0];
        return samples > 0
            ? samples
            : throw new ArgumentException($"{name} is empty (shape {ShapeText.Of(x.shape)}): {operation} needs at least one sample.", name);
    }

    /// <summary>Checks inputs and labels together; returns the number of samples.</summary>
    public static long Pairs(ModelInfo info, CompileInfo compile, Tensor? x, Tensor? y, string xName, string yName, string operation)
    {
        var samples = Inputs(info, x, xName, operation);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (y.dim() == 0 || y.shape[0] != samples)
        {
            throw new ArgumentException(
                $"{xName} has {samples} samples but {yName} has {(y.dim() == 0 ? "none (a scalar)" : y.shape[0].ToString())}: " +
                "they must have the same length (first dimension).", yName);
        }

        LabelChecks.Check(info, compile, y, yName);
        return samples;
    }

    /// <summary>Checks the batch size.</summary>
    public static void BatchSize(int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be > 0; got {batchSize}.");
        }
    }

    /// <summary>Checks a <c>validationSplit</c> lies in [0, 1).</summary>
    public static void ValidationSplit(double fraction)
    {
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException("validationSplit", fraction, $"validationSplit must be in [0, 1); got {fraction}.");
        }
    }

    /// <summary>
    /// Where Keras' <c>validation_split</c> cuts: the last <paramref name="fraction"/> of the samples,
    /// taken before shuffling, is for validation; both parts must be non-empty.
    /// </summary>
    public static long SplitPoint(long samples, double fraction)
    {
        ValidationSplit(fraction);
        var splitAt = (long)Math.Floor(samples * (1.0 - fraction));
        if (splitAt == 0 || splitAt == samples)
        {
            throw new ArgumentException(
                $"x has {samples} samples, too few to split with validationSplit {fraction}: it would leave {splitAt} for training " +
                $"and {samples - splitAt} for validation. Give more data or another validationSplit.", "validationSplit");
        }

        return splitAt;
    }
}
