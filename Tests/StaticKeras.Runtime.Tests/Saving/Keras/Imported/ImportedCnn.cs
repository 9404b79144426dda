// Written by StaticKeras' KerasImport from cnn.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'functional'.</summary>
[Model]
public partial class ImportedCnn
{
    readonly Conv2D conv2d = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D max_pooling2d = new((2, 2));
    readonly Conv2D conv2d_1 = new(64, (3, 3), Activation.Relu);
    readonly MaxPooling2D max_pooling2d_1 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense dense = new(128, Activation.Relu);
    readonly Dense dense_1 = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor input_layer)
    {
        var conv2d_out = conv2d.Call(input_layer);
        var max_pooling2d_out = max_pooling2d.Call(conv2d_out);
        var conv2d_1_out = conv2d_1.Call(max_pooling2d_out);
        var max_pooling2d_1_out = max_pooling2d_1.Call(conv2d_1_out);
        var flatten_out = flatten.Call(max_pooling2d_1_out);
        var dense_out = dense.Call(flatten_out);
        var dense_1_out = dense_1.Call(dense_out);
        return dense_1_out;
    }
}
