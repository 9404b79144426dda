using System;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// The gradient of each <see cref="LossFunctions"/> loss with respect to its predictions, as a
/// generated backward pass starts from: explicit formulas on logits (softmax or sigmoid fused with
/// the cross-entropy) and for mean squared error; on probabilities (no fused activation), the
/// loss's own clipped formula differentiated by autograd on the loss alone. Each takes the same
/// arguments as its loss, Keras' <c>sum_over_batch_size</c> reduction included, and a
/// <c>scale</c> (the output's loss weight in a model with several outputs).
/// </summary>
public static class LossGradients
{
    /// <summary>dL/dyPred of <see cref="LossFunctions.SparseCategoricalCrossentropy(Tensor, Tensor, bool, Tensor?)"/>.</summary>
    /// <param name="yTrue">Integer labels, as the loss takes them.</param>
    /// <param name="yPred">Logits or probabilities, <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits; then the gradient is <c>(softmax(z) - onehot(y)) * w / n</c>.</param>
    /// <param name="sampleWeight">One weight per sample, or null.</param>
    /// <param name="scale">A factor on the loss (its weight in a total loss).</param>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, double scale = 1)
    {
        if (!fromLogits)
        {
            return ThroughAutograd(yPred, p => LossFunctions.SparseCategoricalCrossentropy(yTrue, p, false, sampleWeight), scale);
        }

        var labels = yTrue.dim() == yPred.dim() && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
        if (labels.dtype != ScalarType.Int64)
        {
            labels = labels.to_type(ScalarType.Int64);
        }

        // n: the number of per-position losses the mean is over.
        var gradient = yPred.softmax(-1);
        gradient.scatter_add_(-1, labels.unsqueeze(-1), MinusOnes(labels, yPred));
        return Weighted(gradient, sampleWeight, scale / labels.numel());
    }

    /// <summary>dL/dyPred of <see cref="LossFunctions.CategoricalCrossentropy(Tensor, Tensor, bool, Tensor?)"/>.</summary>
    /// <param name="yTrue">One-hot or soft labels of the predictions' shape.</param>
    /// <param name="yPred">Logits or probabilities.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits; then the gradient is <c>(softmax(z) * sum(y) - y) * w / n</c>.</param>
    /// <param name="sampleWeight">One weight per sample, or null.</param>
    /// <param name="scale">A factor on the loss.</param>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, double scale = 1)
    {
        if (!fromLogits)
        {
            return ThroughAutograd(yPred, p => LossFunctions.CategoricalCrossentropy(yTrue, p, false, sampleWeight), scale);
        }

        var target = Like(yTrue, yPred);
        var gradient = yPred.softmax(-1).mul_(target.sum(-1, keepdim: true)).sub_(target);
        return Weighted(gradient, sampleWeight, scale * yPred.shape[^1] / yPred.numel());
    }

    /// <summary>dL/dyPred of <see cref="LossFunctions.BinaryCrossentropy(Tensor, Tensor, bool, Tensor?)"/>.</summary>
    /// <param name="yTrue">0/1 labels of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Logits or probabilities.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits; then the gradient is <c>(sigmoid(z) - y) * w / n</c>.</param>
    /// <param name="sampleWeight">One weight per sample, or null.</param>
    /// <param name="scale">A factor on the loss.</param>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits, Tensor? sampleWeight, double scale = 1)
    {
        if (!fromLogits)
        {
            return ThroughAutograd(yPred, p => LossFunctions.BinaryCrossentropy(yTrue, p, false, sampleWeight), scale);
        }

        var target = Like(yTrue, yPred);
        var gradient = yPred.sigmoid().sub_(target);
        return Weighted(gradient, sampleWeight, scale / yPred.numel());
    }

    /// <summary>dL/dyPred of <see cref="LossFunctions.MeanSquaredError(Tensor, Tensor, Tensor?)"/>: <c>2 (p - y) * w / n</c>.</summary>
    /// <param name="yTrue">Targets of the predictions' shape (a missing trailing axis of 1 is added).</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">One weight per sample, or null.</param>
    /// <param name="scale">A factor on the loss.</param>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred, Tensor? sampleWeight, double scale = 1)
    {
        var target = Like(yTrue, yPred);
        var gradient = yPred.sub(target);
        return Weighted(gradient, sampleWeight, 2 * scale / yPred.numel());
    }

    // Labels aligned to the predictions' rank and dtype, as the losses align them (checked there).
    private static Tensor Like(Tensor yTrue, Tensor yPred)
    {
        var (target, _) = SameRank.Align(yTrue, yPred);
        target = target.shape.Length == yPred.shape.Length ? target : target.reshape(yPred.shape);
        return target.dtype == yPred.dtype ? target : target.to_type(yPred.dtype);
    }

    // gradient * factor, times each sample's weight broadcast over its trailing axes.
    // -1 for every label, shaped (labels..., 1), to subtract the one-hot targets with scatter_add_: kept per
    // thread and made again only when the batch's shape, dtype or device changes (an epoch's last batch),
    // instead of a new tensor every step. Read only, never handed out of the gradient.
    private static Tensor MinusOnes(Tensor labels, Tensor like)
    {
        var held = t_minusOnes;
        var rank = labels.dim();
        var fits = held is not null && held.dim() == rank + 1 && held.dtype == like.dtype
            && held.device_type == like.device_type && held.device_index == like.device_index;
        for (var i = 0; fits && i < rank; i++)
        {
            fits = held!.size(i) == labels.size(i);
        }

        if (fits)
        {
            return held!;
        }

        held?.Dispose();
        using var minusOne = (-1.0).ToScalar();
        t_minusOnes = full([.. labels.shape, 1L], minusOne, like.dtype, like.device).DetachFromDisposeScope();
        return t_minusOnes;
    }

    [ThreadStatic]
    private static Tensor? t_minusOnes;

    private static Tensor Weighted(Tensor gradient, Tensor? sampleWeight, double factor)
    {
        using (var scalar = factor.ToScalar())
        {
            gradient.mul_(scalar);   // a held Scalar, not an implicit double -> Scalar temporary (README: the Scalar hazard)
        }

        if (sampleWeight is null)
        {
            return gradient;
        }

        var weight = sampleWeight.dtype == gradient.dtype ? sampleWeight : sampleWeight.to_type(gradient.dtype);
        var broadcast = new long[gradient.dim()];
        Array.Fill(broadcast, 1L);
        broadcast[0] = gradient.shape[0];
        return gradient.mul_(weight.reshape(broadcast));
    }

    // On probabilities the loss clips and renormalizes: its gradient is taken by autograd on the
    // loss alone (one small graph over the predictions, none over the model).
    private static Tensor ThroughAutograd(Tensor yPred, Func<Tensor, Tensor> loss, double scale)
    {
        using var grad = enable_grad();
        var prediction = yPred.detach().requires_grad_(true);
        var value = loss(prediction);
        var gradient = autograd.grad([value], [prediction])[0];
        return scale == 1 ? gradient : gradient.mul_(scale);
    }
}
