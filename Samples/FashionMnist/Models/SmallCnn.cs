using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace Samples.FashionMnist.Models;

/// <summary>
/// Seed Example 2: a small CNN as a functional StaticKeras model. The generator reads
/// <see cref="Call(Tensor)"/> as the graph; the method itself is plain C# a debugger can step through.
/// </summary>
[Model]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class SmallCnn
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
