// Written by StaticKeras' KerasImport from twohead.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'functional'.</summary>
[Model]
public partial class ImportedTwoHead
{
    readonly Conv2D conv2d = new(4, (3, 3), Activation.Relu);
    readonly MaxPooling2D max_pooling2d = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense dense = new(4, Activation.Relu);
    readonly Concatenate concatenate = new();
    readonly Dense dense_1 = new(3, Activation.Softmax);
    readonly Dense dense_2 = new(1);

    [Graph]
    (Tensor dense_1, Tensor dense_2) Call([Input(8, 8, 1)] Tensor image, [Input(4)] Tensor stats)
    {
        var conv2d_out = conv2d.Call(image);
        var max_pooling2d_out = max_pooling2d.Call(conv2d_out);
        var flatten_out = flatten.Call(max_pooling2d_out);
        var dense_out = dense.Call(stats);
        var concatenate_out = concatenate.Call(flatten_out, dense_out);
        var dense_1_out = dense_1.Call(concatenate_out);
        var dense_2_out = dense_2.Call(concatenate_out);
        return (dense_1_out, dense_2_out);
    }
}
