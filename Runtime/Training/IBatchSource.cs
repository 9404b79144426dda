using System.Collections.Generic;

namespace StaticKeras.Training;

/// <summary>
/// Where the training and test loops take their batches from: in-memory tensors cut by
/// <see cref="Batches"/>, or a streaming dataset (<see cref="DatasetBatches"/>). One call of <see cref="Epoch"/>
/// is one pass; the loops advance it once per step, inside that step's dispose scope, so whatever
/// a batch allocates dies with its step.
/// </summary>
internal interface IBatchSource
{
    /// <summary>The number of batches of a pass, or <see langword="null"/> when unknown until read.</summary>
    int? Steps { get; }

    /// <summary>The number of samples of a pass, or <see langword="null"/> when unknown until read.</summary>
    long? Samples { get; }

    /// <summary>The next pass's batches: every input, every target and every output's sample weights at the same rows.</summary>
    IEnumerable<Batch> Epoch();
}
