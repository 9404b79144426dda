// Written by StaticKeras' KerasImport from wrappers.keras.
using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras Sequential model 'sequential'.</summary>
[Sequential, Input(4, 6, 6, 1)]
public partial class ImportedClips
{
    readonly TimeDistributed time_distributed = new(new Conv2D(2, (3, 3), Activation.Relu));
    readonly TimeDistributed time_distributed_1 = new(new Flatten());
    readonly Bidirectional bidirectional = new(new LSTM(3, returnSequences: true));
    readonly TimeDistributed time_distributed_2 = new(new Dense(4, Activation.Tanh));
    readonly Bidirectional bidirectional_1 = new(new GRU(2), mergeMode: MergeMode.Sum);
    readonly Dense dense_1 = new(2, Activation.Softmax);
}
