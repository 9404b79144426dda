using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>The StaticKeras declaration of Files/mlp.keras; member names differ from Keras' on purpose.</summary>
[Sequential, Input(28, 28)]
public partial class KerasMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

/// <summary>The StaticKeras declaration of Files/cnn.keras, a functional model.</summary>
[Model]
public partial class KerasCnn
{
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor image)
    {
        var x = pool1.Call(conv1.Call(image));
        x = pool2.Call(conv2.Call(x));
        return classifier.Call(hidden.Call(flatten.Call(x)));
    }
}

/// <summary>The MLP with another hidden size: the same layers, a kernel that does not fit.</summary>
[Sequential, Input(28, 28)]
public partial class KerasMlpWide
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(100, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

/// <summary>The MLP with a tanh hidden layer: the same weights' shapes, another architecture.</summary>
[Sequential, Input(28, 28)]
public partial class KerasMlpTanh
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Tanh);
    readonly Dense classifier = new(10, Activation.Softmax);
}
