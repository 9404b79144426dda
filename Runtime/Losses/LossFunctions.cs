using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// Keras 3's losses, each returning the scalar mean over the batch (Keras'
/// <c>sum_over_batch_size</c>) in Keras' argument order <c>(yTrue, yPred)</c>. On probabilities
/// (<c>fromLogits: false</c>) they clip to [1e-7, 1 - 1e-7] as Keras does; on logits they use
/// PyTorch's fused, numerically stable kernels, as Keras' torch backend does.
/// </summary>
/// <remarks>
/// Each loss has an overload taking <c>sampleWeight</c> (shape <c>(batch,)</c>), reduced as Keras does:
/// <c>sum(perSampleLoss * sampleWeight) / (number of per-sample values)</c>, not divided by the sum of
/// the weights. Generated training steps call that overload with the batch's weights of the
/// output (<see langword="null"/> without <c>sampleWeight</c> or <c>classWeight</c>); the overloads
/// without it weigh every sample alike.
/// </remarks>
public static class LossFunctions
{
    /// <summary>Keras' <c>backend.epsilon()</c>, the probability clip.</summary>
    public const double Epsilon = 1e-7;

    // The clip bounds as Scalars held for the process: an implicit double -> Scalar temporary can be
    // finalized by a collection on another thread while LibTorch still reads it (see Adam.UpdateStep).
    private static readonly Scalar ClipLow = Epsilon.ToScalar(), ClipHigh = (1 - Epsilon).ToScalar();

    /// <summary>
    /// Cross-entropy between integer class labels and a distribution over the last axis:
    /// <c>mean(-log p[label])</c>.
    /// </summary>
    /// <param name="yTrue">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>, in [0, classes).</param>
    /// <param name="yPred">Probabilities (normalized over the last axis first, as Keras does) or logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels that are not integers or do not match the predictions' shape.</exception>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits) =>
        SparseCategoricalCrossentropy(yTrue, yPred, fromLogits, null);

    /// <summary>
    /// <see cref="SparseCategoricalCrossentropy(Tensor, Tensor, bool)"/> with each sample's loss
    /// multiplied by its weight before the <c>sum_over_batch_size</c> reduction, as Keras'
    /// <c>loss(y_true, y_pred, sample_weight)</c>.
    /// </summary>
    /// <param name="yTrue">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>, in [0, classes).</param>
    /// <param name="yPred">Probabilities or logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">Labels that are not integers or do not match the predictions' shape, or weights not of shape <c>(batch,)</c>.</exception>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight) =>
        SparseCategoricalCrossentropy(yTrue, yPred, fromLogits, sampleWeight, null);

    /// <summary>
    /// <see cref="SparseCategoricalCrossentropy(Tensor, Tensor, bool, Tensor?)"/> on an output that carries Keras' mask
    /// <c>(batch, steps)</c>: the masked steps are left out and the mean is over the unmasked ones (Keras'
    /// <c>apply_mask</c>); <see langword="null"/> for no mask.
    /// </summary>
    /// <param name="yTrue">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>, in [0, classes).</param>
    /// <param name="yPred">Probabilities or logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <param name="mask">Which steps count, of the labels' shape without a trailing 1; <see langword="null"/> for all.</param>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, Tensor? mask)
    {
        // Shapes are read size by size and reshapes skipped when the ranks already fit: this runs once
        // per evaluation batch, where TorchSharp's shape property (an allocator callback) and a
        // reshape each cost about as much as the loss of a small batch.
        var labels = yTrue;
        var rank = yPred.dim();
        if (labels.dim() == rank && labels.size(-1) == 1)
        {
            labels = labels.squeeze(-1);
        }

        if (!Training.DTypes.IsInteger(labels.dtype))
        {
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy expects integer class labels; got {Describe(yTrue)}. For one-hot labels use CategoricalCrossentropy.",
                nameof(yTrue));
        }

        var classes = yPred.size(-1);
        if (!LabelsFit(labels, yPred, rank))
        {
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy expects labels of shape {ShapeText.Of(yPred.shape[..^1])} for predictions of shape {ShapeText.Of(yPred.shape)}; got {Describe(yTrue)}.",
                nameof(yTrue));
        }

        var target = labels.dim() == 1 ? labels : labels.reshape(-1);
        if (target.dtype != ScalarType.Int64)
        {
            target = target.to_type(ScalarType.Int64);
        }

        var rows = rank == 2 ? yPred : yPred.reshape(-1, classes);
        if (sampleWeight is null && mask is null)
        {
            return fromLogits
                ? nn.functional.cross_entropy(rows, target)
                : -NormalizedLogProbabilities(yPred).reshape(-1, classes).gather(1, target.unsqueeze(1)).mean();
        }

        var perPosition = fromLogits
            ? nn.functional.cross_entropy(rows, target, reduction: nn.Reduction.None)
            : -NormalizedLogProbabilities(yPred).reshape(-1, classes).gather(1, target.unsqueeze(1)).squeeze(1);
        return mask is null
            ? WeightedReduction.SumOverBatchSize(perPosition.reshape(labels.shape), sampleWeight!, nameof(SparseCategoricalCrossentropy))
            : WeightedReduction.Masked(perPosition.reshape(labels.shape), sampleWeight, mask, nameof(SparseCategoricalCrossentropy));
    }

    // Whether labels have the predictions' shape without its last axis.
    private static bool LabelsFit(Tensor labels, Tensor yPred, long rank)
    {
        if (labels.dim() != rank - 1)
        {
            return false;
        }

        for (var i = 0; i < rank - 1; i++)
        {
            if (labels.size(i) != yPred.size(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Cross-entropy between one-hot (or soft) labels and a distribution over the last axis:
    /// <c>mean(-sum(yTrue * log p, axis=-1))</c>.
    /// </summary>
    /// <param name="yTrue">Labels of the predictions' shape.</param>
    /// <param name="yPred">Probabilities (normalized over the last axis first, as Keras does) or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions'.</exception>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits) =>
        CategoricalCrossentropy(yTrue, yPred, fromLogits, null);

    /// <summary>
    /// <see cref="CategoricalCrossentropy(Tensor, Tensor, bool)"/> with each sample's loss multiplied
    /// by its weight before the <c>sum_over_batch_size</c> reduction.
    /// </summary>
    /// <param name="yTrue">Labels of the predictions' shape.</param>
    /// <param name="yPred">Probabilities or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions', or weights not of shape <c>(batch,)</c>.</exception>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight) =>
        CategoricalCrossentropy(yTrue, yPred, fromLogits, sampleWeight, null);

    /// <summary>CategoricalCrossentropy on an output carrying Keras' mask <c>(batch, steps)</c>: the mean over the unmasked steps.</summary>
    /// <param name="yTrue">One-hot (or soft) labels of the predictions' shape.</param>
    /// <param name="yPred">Probabilities or logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <param name="mask">Which steps count, the predictions' shape without the classes; <see langword="null"/> for all.</param>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, Tensor? mask)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "CategoricalCrossentropy", "For integer class labels use SparseCategoricalCrossentropy.");
        var logProbabilities = fromLogits ? prediction.log_softmax(-1) : NormalizedLogProbabilities(prediction);
        var perSample = -(target * logProbabilities).sum(-1);
        if (mask is not null)
        {
            return WeightedReduction.Masked(perSample, sampleWeight, mask, nameof(CategoricalCrossentropy));
        }

        return sampleWeight is null
            ? perSample.mean()
            : WeightedReduction.SumOverBatchSize(perSample, sampleWeight, nameof(CategoricalCrossentropy));
    }

    /// <summary>
    /// Binary cross-entropy, averaged over the last axis and then the batch:
    /// <c>mean(-(y log p + (1 - y) log(1 - p)))</c>.
    /// </summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Probabilities or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions'.</exception>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits) =>
        BinaryCrossentropy(yTrue, yPred, fromLogits, null);

    /// <summary>
    /// <see cref="BinaryCrossentropy(Tensor, Tensor, bool)"/> with each sample's loss (the mean over
    /// the last axis) multiplied by its weight before the <c>sum_over_batch_size</c> reduction.
    /// </summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Probabilities or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions', or weights not of shape <c>(batch,)</c>.</exception>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight) =>
        BinaryCrossentropy(yTrue, yPred, fromLogits, sampleWeight, null);

    /// <summary>BinaryCrossentropy on an output carrying Keras' mask <c>(batch, steps)</c>: the mean over the unmasked steps.</summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape.</param>
    /// <param name="yPred">Probabilities or logits, <c>(batch, ..., units)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <param name="mask">Which steps count, the predictions' shape without the last axis; <see langword="null"/> for all.</param>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, Tensor? mask)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "BinaryCrossentropy", null);
        var reduction = sampleWeight is null && mask is null ? nn.Reduction.Mean : nn.Reduction.None;
        var values = fromLogits
            ? nn.functional.binary_cross_entropy_with_logits(prediction, target, reduction: reduction)
            : nn.functional.binary_cross_entropy(prediction.clamp(ClipLow, ClipHigh), target, reduction: reduction);
        if (mask is not null)
        {
            return WeightedReduction.Masked(values.mean([-1L]), sampleWeight, mask, nameof(BinaryCrossentropy));
        }

        return sampleWeight is null
            ? values
            : WeightedReduction.SumOverBatchSize(values.mean([-1L]), sampleWeight, nameof(BinaryCrossentropy));
    }

    /// <summary>Mean of squared differences over the last axis, then the batch: <c>mean((yTrue - yPred)^2)</c>.</summary>
    /// <param name="yTrue">Targets of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Predictions.</param>
    /// <exception cref="ArgumentException">Targets whose shape does not match the predictions'.</exception>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred) =>
        MeanSquaredError(yTrue, yPred, null);

    /// <summary>
    /// <see cref="MeanSquaredError(Tensor, Tensor)"/> with each sample's loss (the mean over the last
    /// axis) multiplied by its weight before the <c>sum_over_batch_size</c> reduction.
    /// </summary>
    /// <param name="yTrue">Targets of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">Targets whose shape does not match the predictions', or weights not of shape <c>(batch,)</c>.</exception>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred, Tensor? sampleWeight) =>
        MeanSquaredError(yTrue, yPred, sampleWeight, null);

    /// <summary>MeanSquaredError on an output carrying Keras' mask <c>(batch, steps)</c>: the mean over the unmasked steps.</summary>
    /// <param name="yTrue">Targets of the predictions' shape.</param>
    /// <param name="yPred">Predictions, <c>(batch, ..., units)</c>.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <param name="mask">Which steps count, the predictions' shape without the last axis; <see langword="null"/> for all.</param>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred, Tensor? sampleWeight, Tensor? mask)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "MeanSquaredError", null);
        var squares = (prediction - target).square();
        if (mask is not null)
        {
            return WeightedReduction.Masked(squares.mean([-1L]), sampleWeight, mask, nameof(MeanSquaredError));
        }

        return sampleWeight is null
            ? squares.mean()
            : WeightedReduction.SumOverBatchSize(squares.mean([-1L]), sampleWeight, nameof(MeanSquaredError));
    }

    // Keras on probabilities: p / sum(p), clipped to [eps, 1 - eps], then log.
    private static Tensor NormalizedLogProbabilities(Tensor probabilities) =>
        (probabilities / probabilities.sum(-1, keepdim: true)).clamp(ClipLow, ClipHigh).log();

    private static (Tensor Target, Tensor Prediction) Aligned(Tensor yTrue, Tensor yPred, string loss, string? hint)
    {
        var (target, prediction) = SameRank.Align(yTrue, yPred);
        if (!target.shape.SequenceEqual(prediction.shape))
        {
            throw new ArgumentException(
                $"{loss} expects labels of the predictions' shape {ShapeText.Of(yPred.shape)}; got {Describe(yTrue)}." + (hint is null ? "" : " " + hint),
                nameof(yTrue));
        }

        // Keras casts labels to the predictions' dtype (integer 0/1 labels are fine).
        return (target.dtype == prediction.dtype ? target : target.to_type(prediction.dtype), prediction);
    }

    private static string Describe(Tensor t) => $"shape {ShapeText.Of(t.shape)} of dtype {Training.DTypes.Name(t.dtype)}";
}
