using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// One batch as the training and test steps read it: the same rows of every input, every target and
/// every output's sample weights.
/// </summary>
/// <param name="X">Each input's rows, in the order of <see cref="ModelInfo.Inputs"/>.</param>
/// <param name="Y">Each output's targets for those rows, in the order of <see cref="ModelInfo.Outputs"/>; empty when predicting.</param>
/// <param name="SampleWeight">Each output's weights for those rows, shape <c>(batch,)</c>, or <see langword="null"/> entries for none.</param>
internal readonly record struct Batch(Tensor[] X, Tensor[] Y, Tensor?[] SampleWeight)
{
    /// <summary>The number of samples in the batch.</summary>
    public long Size => X[0].size(0);
}
