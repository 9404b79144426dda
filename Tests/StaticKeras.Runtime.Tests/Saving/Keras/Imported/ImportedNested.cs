// Written by StaticKeras' KerasImport from nested.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'functional_1'.</summary>
[Model]
public partial class ImportedNested
{
    readonly ImportedNestedEnc enc = new();
    readonly Dense classifier = new(2, Activation.Softmax);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var enc_out = enc.Call(features);
        var classifier_out = classifier.Call(enc_out);
        return classifier_out;
    }
}

/// <summary>Imported Keras Sequential model 'enc'.</summary>
[Sequential, Input(6)]
public partial class ImportedNestedEnc
{
    readonly Dense code = new(8, Activation.Tanh);
}
