// Written by StaticKeras' KerasImport from import_wrappers.keras.
using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras Sequential model 'wrapped'.</summary>
[Sequential, Input(5, 3)]
public partial class ImportedWrappers
{
    readonly Bidirectional bidirectional = new(new LSTM(4, returnSequences: true));
    readonly TimeDistributed time_distributed = new(new Dense(2));
    readonly Bidirectional bidirectional_1 = new(new GRU(3), mergeMode: MergeMode.Ave, backwardLayer: new GRU(3, activation: Activation.Relu));
}
