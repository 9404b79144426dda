using System;
using System.Runtime.CompilerServices;
using StaticKeras.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Metrics;

/// <summary>
/// Keras 3's accuracy functions. Each returns per-element matches as float32 1/0 (Keras' metric
/// functions, before the mean a metric takes); <see cref="Mean"/> averages them over samples.
/// </summary>
public static class MetricFunctions
{
    /// <summary>
    /// Whether the arg-max of <paramref name="yPred"/> over the last axis equals the integer label
    /// (Keras' <c>sparse_categorical_accuracy</c>). Labels of shape <c>(batch, ..., 1)</c> are squeezed.
    /// </summary>
    /// <param name="yTrue">Class labels, <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>.</param>
    /// <param name="yPred">Scores or probabilities, <c>(batch, ..., classes)</c>.</param>
    public static Tensor SparseCategoricalAccuracy(Tensor yTrue, Tensor yPred)
    {
        var labels = yTrue.dim() == yPred.dim() && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
        var predicted = yPred.argmax(-1);
        return predicted.eq(labels.to_type(predicted.dtype)).to_type(ScalarType.Float32);
    }

    /// <summary>
    /// <see cref="SparseCategoricalAccuracy"/> summed: the number of matches (an int64 scalar) and of
    /// predictions, with two fewer conversions per batch for the evaluation loop.
    /// </summary>
    internal static (Tensor Matches, long Count) SparseCategoricalMatches(Tensor yTrue, Tensor yPred)
    {
        var labels = yTrue.dim() == yPred.dim() && yTrue.size(-1) == 1 ? yTrue.squeeze(-1) : yTrue;
        var predicted = yPred.argmax(-1);
        // In place on the fresh arg-max (int64 ones and zeros): one tensor fewer per step.
        var equal = predicted.eq_(labels.dtype == predicted.dtype ? labels : labels.to_type(predicted.dtype));
        return (equal.sum(), equal.numel());
    }

    /// <summary>
    /// The number of matches <see cref="SparseCategoricalMatches"/> counts, read in C# from contiguous float32 or
    /// float64 CPU predictions and int64 labels, without a tensor (the arg-max as libtorch's: the first largest
    /// value, a NaN counting as largest); false, counting nothing, for other tensors.
    /// </summary>
    internal static unsafe bool TryCountSparseMatches(Tensor yTrue, Tensor yPred, out long matches)
    {
        matches = 0;
        var rank = yPred.dim();
        if (rank < 2 || !Layers.CpuPasses.FitsFloat(yPred) || !Layers.CpuPasses.Fits(yTrue, ScalarType.Int64)
            || !FusedLosses.LabelsFit(yTrue, yPred, rank))
        {
            return false;
        }

        var classes = yPred.size(-1);
        var rows = yPred.numel() / classes;
        var labels = (long*)Layers.CpuPasses.Data(yTrue);
        matches = yPred.dtype == ScalarType.Float32
            ? Count((float*)Layers.CpuPasses.Data(yPred), labels, rows, classes)
            : Count((double*)Layers.CpuPasses.Data(yPred), labels, rows, classes);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimized at the first call, not tiered up late: see FusedCpuUpdate.AdamRule.Run
    private static unsafe long Count<T>(T* predictions, long* labels, long rows, long classes)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var matches = 0L;
        for (var r = 0L; r < rows; r++)
        {
            var row = predictions + r * classes;
            var best = 0L;
            for (var j = 1L; j < classes && !T.IsNaN(row[best]); j++)
            {
                if (row[j] > row[best] || T.IsNaN(row[j]))
                {
                    best = j;
                }
            }

            matches += best == labels[r] ? 1 : 0;
        }

        return matches;
    }

    /// <summary>
    /// Whether the arg-max of the prediction equals the arg-max of the one-hot label (Keras'
    /// <c>categorical_accuracy</c>).
    /// </summary>
    /// <param name="yTrue">One-hot labels, <c>(batch, ..., classes)</c>.</param>
    /// <param name="yPred">Scores or probabilities of the same shape.</param>
    public static Tensor CategoricalAccuracy(Tensor yTrue, Tensor yPred)
    {
        var (labels, predictions) = SameRank.Align(yTrue, yPred);
        return predictions.argmax(-1).eq(labels.argmax(-1)).to_type(ScalarType.Float32);
    }

    /// <summary>
    /// Whether <c>yPred &gt; threshold</c> equals the 0/1 label, element by element (Keras'
    /// <c>binary_accuracy</c>).
    /// </summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Probabilities.</param>
    /// <param name="threshold">The decision threshold (Keras default 0.5).</param>
    public static Tensor BinaryAccuracy(Tensor yTrue, Tensor yPred, double threshold = 0.5)
    {
        var (labels, predictions) = SameRank.Align(yTrue, yPred);
        using var bound = threshold.ToScalar();   // held for the call (see Adam.UpdateStep)
        return predictions.gt(bound).to_type(labels.dtype).eq(labels).to_type(ScalarType.Float32);
    }

    /// <summary>
    /// The accuracy Keras' <c>compile_utils</c> picks for <c>"accuracy"</c> from the shapes of labels and
    /// predictions: binary when predictions have one unit on the last axis, sparse categorical when
    /// labels have a lower rank (or a last axis of 1 against several units), categorical otherwise.
    /// </summary>
    /// <param name="yTrueShape">The labels' shape.</param>
    /// <param name="yPredShape">The predictions' shape.</param>
    public static Func<Tensor, Tensor, Tensor> ResolveAccuracy(long[] yTrueShape, long[] yPredShape)
    {
        var isBinary = yPredShape[^1] == 1;
        var isSparse = yTrueShape.Length < yPredShape.Length || (yTrueShape[^1] == 1 && yPredShape[^1] > 1);
        return isBinary ? BinaryAccuracyAtOneHalf
            : isSparse ? SparseCategoricalAccuracy
            : CategoricalAccuracy;
    }

    private static Tensor BinaryAccuracyAtOneHalf(Tensor yTrue, Tensor yPred) => BinaryAccuracy(yTrue, yPred);
}
