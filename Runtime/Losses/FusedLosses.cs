using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using StaticKeras.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// A loss with its fused activation, computed with its gradient and its predictions in one call, as a
/// generated training step starts its backward pass: for sparse categorical cross-entropy on logits
/// (a softmax output), the loss value, <c>softmax(logits)</c> (the predictions the metrics read) and
/// dL/dlogits, the last two written into buffers the step holds. On contiguous float32 or float64 CPU
/// tensors this is one C# pass over the logits that creates no tensor; elsewhere it is
/// <see cref="LossFunctions.SparseCategoricalCrossentropy(Tensor, Tensor, bool, Tensor?)"/>,
/// <see cref="LossGradients.SparseCategoricalCrossentropy"/> and <c>softmax</c>, copied into the buffers.
/// </summary>
/// <remarks>
/// The values are Keras' (torch backend) on logits: per position <c>log(sum(exp(z - max))) - (z[label] - max)</c>,
/// weighted and reduced as <c>sum_over_batch_size</c> (<c>sum(l * w) / n</c>, n the number of positions); the
/// gradient <c>(softmax(z) - onehot(label)) * w / n</c>. The pass exponentiates in the tensors' dtype, as libtorch
/// does, and sums, divides and reduces in float64, rounding once to the dtype, so float32 results equal libtorch's
/// kernels to float32 round-off and float64 ones to float64 round-off.
/// </remarks>
public static class FusedLosses
{
    /// <summary>
    /// Sparse categorical cross-entropy of <c>softmax(logits)</c> against integer labels, writing the
    /// probabilities and the gradient with respect to the logits into the buffers given.
    /// </summary>
    /// <param name="yTrue">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>, in [0, classes).</param>
    /// <param name="logits">Logits, <c>(batch, ..., classes)</c>.</param>
    /// <param name="sampleWeight">One weight per sample, shape <c>(batch,)</c>; <see langword="null"/> for none.</param>
    /// <param name="probabilities">A buffer of the logits' shape and dtype: receives <c>softmax(logits)</c> over the last axis.</param>
    /// <param name="gradient">A buffer of the logits' shape and dtype: receives dL/dlogits.</param>
    /// <param name="loss">A 0-d tensor of the logits' dtype to write the loss into and return (a generated step's
    /// held scalar), or null for a new tensor.</param>
    /// <returns>The loss, a 0-d tensor: <paramref name="loss"/> when given.</returns>
    /// <exception cref="ArgumentException">Labels that are not integers or do not match the logits' shape, weights not
    /// of shape <c>(batch,)</c>, or buffers not of the logits' shape.</exception>
    public static Tensor SparseCategoricalCrossentropy(Tensor yTrue, Tensor logits, Tensor? sampleWeight, Tensor probabilities, Tensor gradient, Tensor? loss = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(gradient);
        if (!SameShape(probabilities, logits) || !SameShape(gradient, logits))
        {
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy: the buffers have shapes {ShapeText.Of(probabilities.shape)} and {ShapeText.Of(gradient.shape)}, expected the logits' shape {ShapeText.Of(logits.shape)}.",
                nameof(probabilities));
        }

        if (loss is not null && TryCpu(yTrue, logits, sampleWeight, probabilities, gradient, loss))
        {
            return loss;
        }

        var value = LossFunctions.SparseCategoricalCrossentropy(yTrue, logits, true, sampleWeight);
        gradient.copy_(LossGradients.SparseCategoricalCrossentropy(yTrue, logits, true, sampleWeight));
        probabilities.copy_(logits.softmax(-1));
        return loss is null ? value : loss.copy_(value);
    }

    // The one pass, when every tensor fits it: false (nothing written) otherwise, including labels out of
    // range, which the libtorch path then reports as it always has.
    private static unsafe bool TryCpu(Tensor yTrue, Tensor logits, Tensor? sampleWeight, Tensor probabilities, Tensor gradient, Tensor loss)
    {
        var dtype = logits.dtype;
        var rank = logits.dim();
        if (rank < 2 || !CpuPasses.FitsFloat(logits) || logits.requires_grad
            || !CpuPasses.Fits(probabilities, dtype) || !CpuPasses.Fits(gradient, dtype) || !CpuPasses.Fits(loss, dtype)
            || !CpuPasses.Fits(yTrue, ScalarType.Int64) || loss.dim() != 0)
        {
            return false;
        }

        var numel = logits.numel();
        var classes = logits.size(-1);
        var rows = numel / classes;
        var batch = logits.size(0);
        if (probabilities.numel() != numel || gradient.numel() != numel || yTrue.numel() != rows || !LabelsFit(yTrue, logits, rank) || rows == 0)
        {
            return false;
        }

        if (sampleWeight is not null
            && (!CpuPasses.Fits(sampleWeight, dtype) || sampleWeight.dim() != 1 || sampleWeight.size(0) != batch))
        {
            return false;
        }

        var labels = (long*)CpuPasses.Data(yTrue);
        for (var r = 0L; r < rows; r++)
        {
            if ((ulong)labels[r] >= (ulong)classes)
            {
                return false;
            }
        }

        var shape = new Shape(rows, classes, rows / batch);
        if (dtype == ScalarType.Float32)
        {
            *(float*)CpuPasses.Data(loss) = (float)Pass<float>(labels, (float*)CpuPasses.Data(logits), Weights<float>(sampleWeight),
                (float*)CpuPasses.Data(probabilities), (float*)CpuPasses.Data(gradient), shape);
        }
        else
        {
            *(double*)CpuPasses.Data(loss) = Pass<double>(labels, (double*)CpuPasses.Data(logits), Weights<double>(sampleWeight),
                (double*)CpuPasses.Data(probabilities), (double*)CpuPasses.Data(gradient), shape);
        }

        return true;
    }

    private readonly record struct Shape(long Rows, long Classes, long RowsPerSample);

    private static unsafe T* Weights<T>(Tensor? sampleWeight) where T : unmanaged =>
        sampleWeight is null ? null : (T*)CpuPasses.Data(sampleWeight);

    // Per row: the max, the sum of exp(z - max), the probabilities, the row's loss and its gradient;
    // returns the reduced loss.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimized at the first call, not tiered up late: see FusedCpuUpdate.AdamRule.Run
    private static unsafe double Pass<T>(long* labels, T* logits, T* weights, T* probabilities, T* gradient, Shape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (rows, classes) = (shape.Rows, shape.Classes);
        var scale = 1.0 / rows;
        var total = 0.0;
        Span<double> exps = stackalloc double[(int)Math.Min(classes, 512)];
        for (var r = 0L; r < rows; r++)
        {
            var z = logits + r * classes;
            var p = probabilities + r * classes;
            var g = gradient + r * classes;
            var max = double.CreateTruncating(z[0]);
            for (var j = 1L; j < classes; j++)
            {
                max = Math.Max(max, double.CreateTruncating(z[j]));   // NaN propagates, as in libtorch
            }

            // exp(z - max) kept for the second loop when the row is short enough (each computed once), else computed again.
            var sum = 0.0;
            for (var j = 0L; j < classes; j++)
            {
                var e = Exp(z[j], max);
                if (j < exps.Length)
                {
                    exps[(int)j] = e;
                }

                sum += e;
            }

            var label = labels[r];
            var weight = weights is null ? 1.0 : double.CreateTruncating(weights[r / shape.RowsPerSample]);
            total += (Math.Log(sum) - (double.CreateTruncating(z[label]) - max)) * weight;
            var factor = weight * scale;
            for (var j = 0L; j < classes; j++)
            {
                var probability = (j < exps.Length ? exps[(int)j] : Exp(z[j], max)) / sum;
                p[j] = T.CreateTruncating(probability);
                g[j] = T.CreateTruncating((j == label ? probability - 1 : probability) * factor);
            }
        }

        return total / rows;
    }

    // exp(z - max), in float32 arithmetic for float32 logits (libtorch's softmax subtracts and exponentiates in the
    // tensor's dtype), in float64 otherwise.
    private static double Exp<T>(T z, double max)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? MathF.Exp(float.CreateTruncating(z) - (float)max)
            : Math.Exp(double.CreateTruncating(z) - max);

    // Size by size: TorchSharp's shape property is a native callback and an array.
    private static bool SameShape(Tensor a, Tensor b)
    {
        var rank = a.dim();
        if (rank != b.dim())
        {
            return false;
        }

        for (var i = 0; i < rank; i++)
        {
            if (a.size(i) != b.size(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether integer labels have the logits' shape without its last axis, or with a last axis of 1.</summary>
    internal static bool LabelsFit(Tensor labels, Tensor logits, long rank)
    {
        var labelRank = labels.dim();
        if (labelRank != rank - 1 && !(labelRank == rank && labels.size(-1) == 1))
        {
            return false;
        }

        for (var i = 0; i < rank - 1; i++)
        {
            if (labels.size(i) != logits.size(i))
            {
                return false;
            }
        }

        return true;
    }
}
