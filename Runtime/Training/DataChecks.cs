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
    /// <summary>
    /// Checks every input against its declared shape and that all have the same number of samples,
    /// at least one; returns that number. <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> all check
    /// their inputs here, once per call.
    /// </summary>
    /// <param name="model">The model's name, for messages.</param>
    /// <param name="specs">The declared inputs, in order.</param>
    /// <param name="x">Each input, in the same order.</param>
    /// <param name="names">What messages call each tensor.</param>
    /// <param name="operation">Fit, Evaluate or Predict, for messages.</param>
    public static long Inputs(string model, TensorSpec[] specs, Tensor[] x, DataNames names, string operation)
    {
        Count(x, specs.Length, "input", names.XParameters, model);
        long samples = 0;
        for (var i = 0; i < x.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(x[i], names.XParameters[i]);
            if (InputCheck.Mismatch(model, specs[i], x[i], names.X[i]) is { } problem)
            {
                throw new ArgumentException(problem, names.XParameters[i]);
            }

            if (i == 0)
            {
                // The shape matched the declaration, so axis 0 exists: one size query, not a shape.
                samples = x[0].size(0);
                if (samples == 0)
                {
                    throw new ArgumentException(
                        $"{names.X[0]} is empty (shape {ShapeText.Of(x[0].shape)}): {operation} needs at least one sample.", names.XParameters[0]);
                }
            }
            else
            {
                SameLength(samples, x[i], names, names.X[i], names.XParameters[i]);
            }
        }

        return samples;
    }

    /// <summary>
    /// Checks every input against its declared shape, every target against its output's loss, and that
    /// all have the same number of samples, at least one; returns that number.
    /// </summary>
    /// <param name="info">The model.</param>
    /// <param name="compile">Its training configuration, which says what form each target takes.</param>
    /// <param name="x">Each input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="y">Each output's targets, in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="names">What messages call each tensor.</param>
    /// <param name="operation">Fit or Evaluate, for messages.</param>
    public static long Arrays(ModelInfo info, CompileInfo compile, Tensor[] x, Tensor[] y, DataNames names, string operation)
    {
        var samples = Inputs(info.Name, info.Inputs, x, names, operation);
        Count(y, info.Outputs.Length, "target", names.YParameters, info.Name);
        for (var i = 0; i < y.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(y[i], names.YParameters[i]);
            SameLength(samples, y[i], names, names.Y[i], names.YParameters[i]);
            LabelChecks.Check(info.Name, info.Outputs[i], compile.Outputs[i].Loss, y[i], names.Y[i], names.YParameters[i]);
        }

        return samples;
    }

    /// <summary>Checks there is one tensor per input or output.</summary>
    public static void Count(Tensor[] tensors, int expected, string kind, string[] parameters, string model)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length != expected)
        {
            throw new ArgumentException(
                $"{model} has {expected} {kind}(s) ({string.Join(", ", parameters)}); got {tensors.Length} tensor(s).", kind == "input" ? "x" : "y");
        }
    }

    private static void SameLength(long samples, Tensor tensor, DataNames names, string name, string parameter)
    {
        if (tensor.dim() == 0 || tensor.shape[0] != samples)
        {
            throw new ArgumentException(
                $"{names.X[0]} has {samples} samples but {name} has {(tensor.dim() == 0 ? "none (a scalar)" : tensor.shape[0].ToString())}: " +
                "they must have the same length (first dimension).", parameter);
        }
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
