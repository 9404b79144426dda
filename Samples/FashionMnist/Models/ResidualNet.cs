using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace Samples.FashionMnist.Models;

/// <summary>
/// A small residual network as a functional model: a convolution stem, one residual block whose
/// two convolutions are added back to the block's input (Keras' <c>layers.Add()([x, shortcut])</c>),
/// then a dense head.
/// </summary>
[Model]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class ResidualNet
{
    readonly Conv2D stem = new(32, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly Conv2D conv2 = new(32, (3, 3), padding: Padding.Same);
    readonly Add add = new();
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor image)
    {
        var x = pool1.Call(stem.Call(image));
        var shortcut = x;
        x = conv2.Call(conv1.Call(x));
        x = relu.Call(add.Call(x, shortcut));
        x = pool2.Call(x);
        return classifier.Call(hidden.Call(flatten.Call(x)));
    }
}
