using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Benchmarks;

/// <summary>The Sequential CNN of the sample's <c>--model cnn-sequential</c>.</summary>
[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class BenchmarkCnn
{
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

/// <summary><see cref="BenchmarkCnn"/> trained through TorchSharp's autograd over the whole model.</summary>
[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], Backward = BackwardMode.Autograd)]
public partial class BenchmarkCnnAutograd
{
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}
