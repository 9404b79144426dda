using static TorchSharp.torch;

namespace StaticKeras.Losses;

/// <summary>
/// Keras' <c>squeeze_or_expand_to_same_rank</c>: when labels and predictions differ in rank by one
/// and the larger has a last axis of 1, align them (labels <c>(N,)</c> against predictions
/// <c>(N, 1)</c> become <c>(N, 1)</c>). Losses and metrics apply it before comparing shapes.
/// </summary>
internal static class SameRank
{
    public static (Tensor YTrue, Tensor YPred) Align(Tensor yTrue, Tensor yPred)
    {
        var trueRank = yTrue.dim();
        var predRank = yPred.dim();
        if (trueRank == predRank + 1 && yTrue.shape[^1] == 1)
        {
            return predRank == 1 ? (yTrue, yPred.unsqueeze(-1)) : (yTrue.squeeze(-1), yPred);
        }

        if (predRank == trueRank + 1 && yPred.shape[^1] == 1)
        {
            return trueRank == 1 ? (yTrue.unsqueeze(-1), yPred) : (yTrue, yPred.squeeze(-1));
        }

        return (yTrue, yPred);
    }
}
