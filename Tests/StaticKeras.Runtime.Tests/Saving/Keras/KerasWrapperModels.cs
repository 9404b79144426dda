using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>Both wrappers in one model: a convolution and a flatten per frame, then a bidirectional LSTM and a summed bidirectional GRU.</summary>
[Sequential, Input(4, 6, 6, 1)]
public partial class KerasWrappedClips
{
    readonly TimeDistributed frames = new(new Conv2D(2, (3, 3), Activation.Relu));
    readonly TimeDistributed flatten = new(new Flatten());
    readonly Bidirectional encoder = new(new LSTM(3, returnSequences: true));
    readonly TimeDistributed project = new(new Dense(4, Activation.Tanh));
    readonly Bidirectional summary = new(new GRU(2), mergeMode: MergeMode.Sum);
    readonly Dense head = new(2, Activation.Softmax);
}

/// <summary>A mask from the embedding taken by a bidirectional LSTM (the backward direction reads the valid steps last to first).</summary>
[Sequential, Input(6)]
public partial class KerasMaskedBidirectional
{
    readonly Embedding embed = new(12, 4, maskZero: true);
    readonly Bidirectional encoder = new(new LSTM(3, returnSequences: true), mergeMode: MergeMode.Concat);
    readonly TimeDistributed project = new(new Dense(2));
    readonly GlobalAveragePooling1D pool = new();
}
