// Written by StaticKeras' KerasImport from mlp.keras.
using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras Sequential model 'sequential'.</summary>
[Sequential, Input(28, 28)]
public partial class ImportedMlp
{
    readonly Flatten flatten = new();
    readonly Dense dense = new(128, Activation.Relu);
    readonly Dense dense_1 = new(10, Activation.Softmax);
}
