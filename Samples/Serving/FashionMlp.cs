using StaticKeras;
using StaticKeras.Layers;

namespace Samples.Serving;

/// <summary>The seed MLP (Example 1) the service serves: a 28 x 28 image in, ten class probabilities out.</summary>
[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class FashionMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}
