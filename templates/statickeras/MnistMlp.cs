using StaticKeras;
using StaticKeras.Layers;

namespace StaticKerasApp;

/// <summary>
/// Keras' MLP for (Fashion-)MNIST: 28x28 images flattened to 784 values, a hidden Dense layer and a
/// softmax over 10 classes. The StaticKeras generator checks every shape while you type and writes
/// the constructor, forward pass, training step and Summary of this partial class.
/// </summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class MnistMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}
