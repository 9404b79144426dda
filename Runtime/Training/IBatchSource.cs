using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Where the training, test and predict loops take their batches from: in-memory tensors cut by
/// <see cref="Batches"/>, or a streaming dataset (<see cref="DatasetBatches"/>). One call of
/// <see cref="Epoch"/> is one pass; the loops advance it once per step (see <see cref="BatchLoop"/>).
/// </summary>
internal interface IBatchSource
{
    /// <summary>The number of batches of a pass, or <see langword="null"/> when unknown until read.</summary>
    int? Steps { get; }

    /// <summary>The next pass's batches: inputs, labels (null when predicting) and sample weights (null for none).</summary>
    IEnumerable<(Tensor X, Tensor? Y, Tensor? Weights)> Epoch();
}
