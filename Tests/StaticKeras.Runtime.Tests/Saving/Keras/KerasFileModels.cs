using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

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
