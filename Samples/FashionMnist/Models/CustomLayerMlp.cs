using StaticKeras;
using StaticKeras.Layers;

namespace Samples.FashionMnist.Models;

/// <summary>Seed Example 3: a custom layer inside a Sequential model, trained with EarlyStopping on a validation split.</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class CustomLayerMlp
{
    readonly Flatten flatten = new();
    readonly MyCustomLayer custom = new(64);
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}
