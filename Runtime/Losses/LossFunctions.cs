using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// Keras 3's losses, each returning the scalar mean over the batch (Keras'
/// <c>sum_over_batch_size</c>) in Keras' argument order <c>(yTrue, yPred)</c>. On probabilities
/// (<c>fromLogits: false</c>) they clip to [1e-7, 1 - 1e-7] as Keras does; on logits they use
/// PyTorch's fused, numerically stable kernels, as Keras' torch backend does.
/// </summary>
public static class LossFunctions
{
    /// <summary>Keras' <c>backend.epsilon()</c>, the probability clip.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>
    /// Cross-entropy between integer class labels and a distribution over the last axis:
    /// <c>mean(-log p[label])</c>.
    /// </summary>
    /// <param name="yTrue">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>, in [0, classes).</param>
    /// <param name="yPred">Probabilities (normalized over the last axis first, as Keras does) or logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels that are not integers or do not match the predictions' shape.</exception>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits)
    {
        var labels = yTrue;
        if (labels.dim() == yPred.dim() && labels.shape[^1] == 1)
        {
            labels = labels.squeeze(-1);
        }

        if (!Training.DTypes.IsInteger(labels.dtype))
        {
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy expects integer class labels; got {Describe(yTrue)}. For one-hot labels use CategoricalCrossentropy.",
                nameof(yTrue));
        }

        var classes = yPred.shape[^1];
        if (!labels.shape.SequenceEqual(yPred.shape[..^1]))
        {
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy expects labels of shape {ShapeText.Of(yPred.shape[..^1])} for predictions of shape {ShapeText.Of(yPred.shape)}; got {Describe(yTrue)}.",
                nameof(yTrue));
        }

        var target = labels.reshape(-1);
        if (target.dtype != ScalarType.Int64)
        {
            target = target.to_type(ScalarType.Int64);
        }

        if (fromLogits)
        {
            return nn.functional.cross_entropy(yPred.reshape(-1, classes), target);
        }

        var logProbabilities = NormalizedLogProbabilities(yPred).reshape(-1, classes);
        return -logProbabilities.gather(1, target.unsqueeze(1)).mean();
    }

    /// <summary>
    /// Cross-entropy between one-hot (or soft) labels and a distribution over the last axis:
    /// <c>mean(-sum(yTrue * log p, axis=-1))</c>.
    /// </summary>
    /// <param name="yTrue">Labels of the predictions' shape.</param>
    /// <param name="yPred">Probabilities (normalized over the last axis first, as Keras does) or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions'.</exception>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "CategoricalCrossentropy", "For integer class labels use SparseCategoricalCrossentropy.");
        var logProbabilities = fromLogits ? prediction.log_softmax(-1) : NormalizedLogProbabilities(prediction);
        return -(target * logProbabilities).sum(-1).mean();
    }

    /// <summary>
    /// Binary cross-entropy, averaged over the last axis and then the batch:
    /// <c>mean(-(y log p + (1 - y) log(1 - p)))</c>.
    /// </summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Probabilities or logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <exception cref="ArgumentException">Labels whose shape does not match the predictions'.</exception>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "BinaryCrossentropy", null);
        return fromLogits
            ? nn.functional.binary_cross_entropy_with_logits(prediction, target)
            : nn.functional.binary_cross_entropy(prediction.clamp(Epsilon, 1 - Epsilon), target);
    }

    /// <summary>Mean of squared differences over the last axis, then the batch: <c>mean((yTrue - yPred)^2)</c>.</summary>
    /// <param name="yTrue">Targets of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Predictions.</param>
    /// <exception cref="ArgumentException">Targets whose shape does not match the predictions'.</exception>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred)
    {
        var (target, prediction) = Aligned(yTrue, yPred, "MeanSquaredError", null);
        return (prediction - target).square().mean();
    }

    // Keras on probabilities: p / sum(p), clipped to [eps, 1 - eps], then log.
    private static Tensor NormalizedLogProbabilities(Tensor probabilities) =>
        (probabilities / probabilities.sum(-1, keepdim: true)).clamp(Epsilon, 1 - Epsilon).log();

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
