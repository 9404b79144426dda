// Written by StaticKeras' KerasImport from again.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'functional'.</summary>
[Model]
public partial class ImportedNestedBlockDefaults
{
    readonly ImportedNestedBlockDefaultsFunctional functional = new();
    readonly Dense dense = new(3);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var functional_out = functional.Call(features);
        var dense_out = dense.Call(functional_out);
        return dense_out;
    }
}

/// <summary>Imported Keras functional model 'functional'.</summary>
[Model]
public partial class ImportedNestedBlockDefaultsFunctional
{
    readonly Dense dense = new(4);
    readonly Dense dense_1 = new(4, Activation.Relu);
    readonly Add add = new();

    [Graph]
    Tensor Call([Input(6)] Tensor x)
    {
        var dense_out = dense.Call(x);
        var dense_1_out = dense_1.Call(x);
        var add_out = add.Call(dense_out, dense_1_out);
        return add_out;
    }
}
