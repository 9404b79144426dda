using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.CustomLayers;

/// <summary>A model using the custom layer, as seed example 3 does.</summary>
[Sequential, Input(2, 2)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.01)]
public partial class BlobCustomMlp
{
    readonly Flatten flatten = new();
    readonly MyCustomLayer custom = new(16);
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);
}
