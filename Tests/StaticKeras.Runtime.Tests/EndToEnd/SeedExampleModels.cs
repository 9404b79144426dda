using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.CustomLayers;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Seed Example 1, as the sample declares it.</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class SeedMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}

/// <summary>Seed Example 3, as the sample declares it: a custom layer between Flatten and the classifier.</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class SeedCustomLayerMlp
{
    readonly Flatten flatten = new();
    readonly MyCustomLayer custom = new(64);
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}
