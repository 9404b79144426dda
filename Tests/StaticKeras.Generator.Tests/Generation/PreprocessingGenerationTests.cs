using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Models using Keras' preprocessing Normalization; each compiles cleanly against the runtime.</summary>
public sealed class PreprocessingGenerationTests
{
    [Fact]
    public void AdaptedNormalizationIsBuiltWithNonTrainableStatistics()
    {
        var source = ModelSource.Sequential("Housing")
            .Input("8")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("internal readonly Normalization norm = new();")
            .Layer("readonly Dense hidden = new(16, Activation.Relu);")
            .Layer("readonly Dense price = new(1);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // Keras 3.16 summary: normalization (Normalization) (None, 8) 17; Non-trainable params: 17.
        Assert.Contains("│ norm (Normalization)            │ (None, 8)              │            17 │", run.SingleSource);
        Assert.Contains("Non-trainable params: 17 (68.00 B)", run.SingleSource);
        Assert.Contains("norm.Build(8);", run.SingleSource);
        // It reads the model's input and has no trainable weights: the backward pass skips it.
        Assert.DoesNotContain("norm.Backward(", run.SingleSource);
    }

    [Fact]
    public void GivenStatisticsOverTimeHaveNoWeights()
    {
        var source = ModelSource.Sequential("Scaled")
            .Input("\"time\", 3")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense project = new(3);")
            .Layer("readonly Normalization norm = new(mean: [1.0, 2, 3], variance: [4.0, 1, 9], invert: true);")
            .Layer("readonly LSTM lstm = new(4);")
            .Layer("readonly Dense output = new(1);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        Assert.Contains("│ norm (Normalization)            │ (None, time, 3)        │             0 │", run.SingleSource);
        Assert.DoesNotContain("norm.Build(", run.SingleSource);
        Assert.Contains("var dx1 = norm.Backward(dx2, x1, x2);", run.SingleSource);
    }
}
