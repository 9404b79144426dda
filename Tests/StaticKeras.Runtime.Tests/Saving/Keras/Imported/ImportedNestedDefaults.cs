// Written by StaticKeras' KerasImport from again.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'functional'.</summary>
[Model]
public partial class ImportedNestedDefaults
{
    readonly ImportedNestedDefaultsSequential sequential = new();
    readonly Dense dense = new(2, Activation.Softmax);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var sequential_out = sequential.Call(features);
        var dense_out = dense.Call(sequential_out);
        return dense_out;
    }
}

/// <summary>Imported Keras Sequential model 'sequential'.</summary>
[Sequential, Input(6)]
public partial class ImportedNestedDefaultsSequential
{
    readonly Dense dense = new(8, Activation.Tanh);
}
