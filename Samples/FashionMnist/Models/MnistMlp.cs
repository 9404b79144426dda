using StaticKeras;
using StaticKeras.Layers;

namespace Samples.FashionMnist.Models;

/// <summary>Seed Example 1: the Keras "MLP on MNIST" model, as a Sequential StaticKeras model.</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class MnistMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}
