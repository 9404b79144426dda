using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Benchmarks;

/// <summary>The seed MLP as a StaticKeras model (same as Samples/FashionMnist's MnistMlp).</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class BenchmarkMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}

/// <summary><see cref="BenchmarkMlp"/> trained through TorchSharp's autograd over the whole model (the path before issue 10).</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], Backward = BackwardMode.Autograd)]
public partial class BenchmarkMlpAutograd
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}
