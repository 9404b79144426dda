using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>
/// A generated classifier with a learning rate high enough to overfit <see cref="NoisyData"/> within a
/// few epochs, so that its validation loss stops improving.
/// </summary>
[Sequential, Input(8)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.05)]
internal partial class OverfittingMlp
{
    readonly Dense hidden = new(64, Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);
}

/// <summary>A generated binary classifier on probabilities (no fusion: the sigmoid output feeds the loss).</summary>
[Sequential, Input(4)]
[Compile(Optimizer.Sgd, Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.1)]
internal partial class WeightedBinary
{
    readonly Dense output = new(1, Activation.Sigmoid);
}

/// <summary>Synthetic data: labels only loosely tied to the inputs, so a large model memorises noise.</summary>
internal static class NoisyData
{
    public static (Tensor X, Tensor Y) Make(int samples, int features, int classes, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var x = randn([samples, features], generator: generator);
        var y = randint(0, classes, [samples], dtype: ScalarType.Int64, generator: generator);
        return (x, y);
    }
}

/// <summary>A generated softmax classifier for one-hot labels.</summary>
[Sequential, Input(4)]
[Compile(Optimizer.Sgd, Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.1)]
internal partial class OneHotClassifier
{
    readonly Dense output = new(3, Activation.Softmax);
}
