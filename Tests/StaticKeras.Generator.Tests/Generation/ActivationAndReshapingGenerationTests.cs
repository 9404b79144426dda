using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Models using the activation layers, Rescaling, cropping and spatial dropout; each compiles cleanly against the runtime.</summary>
public sealed class ActivationAndReshapingGenerationTests
{
    [Fact]
    public void ImageModelWithActivationLayersCroppingAndSpatialDropout()
    {
        var source = ModelSource.Sequential("ActivationCnn")
            .Input("12, 12, 3")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Rescaling scale = new(1.0 / 255, offset: -0.5);")
            .Layer("readonly Cropping2D crop = new((1, 1), (2, 0));")
            .Layer("readonly Conv2D conv = new(4, 3);")
            .Layer("readonly PReLU prelu = new(sharedAxes: [1, 2]);")
            .Layer("readonly SpatialDropout2D drop = new(0.2);")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense hidden = new(8);")
            .Layer("readonly LeakyReLU leaky = new();")
            .Layer("readonly ReLU relu = new(maxValue: 6, negativeSlope: 0.1, threshold: 0.5);")
            .Layer("readonly Dense logits = new(3);")
            .Layer("readonly Softmax probabilities = new();");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        Assert.Contains("│ crop (Cropping2D)               │ (None, 10, 10, 3)      │             0 │", run.SingleSource);
        Assert.Contains("│ prelu (PReLU)                   │ (None, 8, 8, 4)        │             4 │", run.SingleSource);
        Assert.Contains("drop.Call(tracked, training: true)", run.SingleSource);
        // Softmax over the last axis is fused into the cross-entropy, as a final ActivationLayer is.
        Assert.Contains("var logits = x10;", run.SingleSource);
        Assert.Contains("SparseCategoricalCrossentropy(y[0], logits, fromLogits: true", run.SingleSource);
    }

    [Fact]
    public void SequenceModelWithCropping1DAndSoftmaxOverTime()
    {
        var source = ModelSource.Sequential("Cropper")
            .Input("\"time\", 8")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Cropping1D crop = new((1, 2));")
            .Layer("readonly SpatialDropout1D drop = new(0.1);")
            .Layer("readonly Softmax overTime = new(axis: 1);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        Assert.Contains("│ crop (Cropping1D)               │ (None, None, 8)        │             0 │", run.SingleSource);
    }
}
