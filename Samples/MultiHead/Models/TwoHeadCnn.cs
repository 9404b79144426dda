using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace Samples.MultiHead.Models;

/// <summary>
/// Two inputs (a 28x28 image and four numbers about it) and two outputs (the garment's class and
/// the image's mean pixel intensity), trained together on one weighted loss.
/// </summary>
[Model]
[Compile(Optimizer.Adam)]
[Output("cls", Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Output("value", Loss.MeanSquaredError, LossWeight = 10.0)]
public partial class TwoHeadCnn
{
    readonly Conv2D conv1 = new(16, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense statsDense = new(8, Activation.Relu);
    readonly Concatenate join = new();
    readonly Dense hidden = new(64, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
    readonly Dense intensity = new(1);

    [Graph]
    (Tensor cls, Tensor value) Call([Input(28, 28, 1)] Tensor image, [Input(4)] Tensor quadrants)
    {
        var x = pool1.Call(conv1.Call(image));
        x = flatten.Call(pool2.Call(conv2.Call(x)));
        var h = hidden.Call(join.Call(x, statsDense.Call(quadrants)));
        return (classifier.Call(h), intensity.Call(h));
    }
}
