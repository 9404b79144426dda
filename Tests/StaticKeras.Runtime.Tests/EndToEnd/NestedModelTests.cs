using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>A Sequential encoder, used as a layer by <see cref="EncoderClassifier"/>.</summary>
[Sequential, Input(6)]
public partial class TinyEncoder
{
    readonly Dense code = new(8, Activation.Tanh);
}

/// <summary>A functional model that calls another model as a layer.</summary>
[Model]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.05)]
public partial class EncoderClassifier
{
    readonly TinyEncoder encoder = new();
    readonly Dense classifier = new(2, Activation.Softmax);

    [Graph]
    Tensor Call([Input(6)] Tensor features) => classifier.Call(encoder.Call(features));

    /// <summary>The inner model, to look at its weights.</summary>
    public TinyEncoder InnerEncoder() => encoder;
}

/// <summary>A model used as a layer: its weights belong to the outer model and train with it.</summary>
public sealed class NestedModelTests
{
    [Fact]
    public void TheInnerModelsWeightsAreTheOuterModelsAndTrainWithIt()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var model = new EncoderClassifier();
        var kernel = model.InnerEncoder().named_parameters().Single(p => p.name == "code.kernel").parameter;
        var before = kernel.detach().clone();
        var x = randn(64, 6);
        var y = (x[.., 0] > 0).to_type(ScalarType.Int64);

        var history = model.Fit(x, y, epochs: 5, batchSize: 16, verbose: 0);

        Assert.Equal(["encoder.code.kernel", "encoder.code.bias", "classifier.kernel", "classifier.bias"], model.named_parameters().Select(p => p.name));
        Assert.False(kernel.detach().allclose(before), "the inner model's kernel did not change");
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0]);
        Assert.True(model.Call(x).allclose(model.Call(x)), "inference is deterministic");
    }

    [Fact]
    public void SummaryCountsTheInnerModelOnce()
    {
        var lines = new System.Collections.Generic.List<string>();

        new EncoderClassifier().Summary(lines.Add);

        Assert.Contains("│ encoder (TinyEncoder)           │ (None, 8)              │            56 │", lines);
        Assert.Equal(" Total params: 74 (296.00 B)", lines[^3]);
    }
}
