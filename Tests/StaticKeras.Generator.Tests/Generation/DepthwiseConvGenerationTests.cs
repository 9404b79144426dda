using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>DepthwiseConv2D and SeparableConv2D in a model: Keras' summary rows, build lines and autograd recording; compiles cleanly against the runtime.</summary>
public sealed class DepthwiseConvGenerationTests
{
    [Fact]
    public void MobileNetStyleBlock()
    {
        var source = ModelSource.Sequential("MobileBlock")
            .Input("9, 9, 3")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, depthMultiplier: 2);")
            .Layer("readonly SeparableConv2D separable = new(5, 3, strides: 2, padding: Padding.Same, depthwiseRegularizer: Regularizer.L2(0.01));")
            .Layer("readonly GlobalAveragePooling2D pool = new();")
            .Layer("readonly Dense output = new(3, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // Keras 3.16's summary of the same model: (None, 7, 7, 6) 60, (None, 4, 4, 5) 3·3·6 + 6·5 + 5 = 89.
        Assert.Contains("│ depthwise (DepthwiseConv2D)     │ (None, 7, 7, 6)        │            60 │", run.SingleSource);
        Assert.Contains("│ separable (SeparableConv2D)     │ (None, 4, 4, 5)        │            89 │", run.SingleSource);
        Assert.Contains("depthwise.Build(9, 9, 3);", run.SingleSource);
        Assert.Contains("separable depthwise_kernel L2(0.01)", run.SingleSource);
    }

    [Fact]
    public void GeneratedBackwardRecordsTheDepthwiseLayersForAutograd()
    {
        var source = ModelSource.Sequential("SeparableMlp")
            .Input("8, 8, 2")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly SeparableConv2D separable = new(4, 3, Activation.Relu, depthMultiplier: 2, useBias: false);")
            .Layer("readonly DepthwiseConv2D depthwise = new((2, 3), strides: (2, 1), dilationRate: 2, padding: Padding.Same);")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense output = new(3, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // Keras 3.16: SeparableConv2D -> (None, 6, 6, 4), 3·3·2·2 + 4·4 = 52; DepthwiseConv2D -> (None, 3, 6, 4), 2·3·4 + 4 = 28.
        Assert.Contains("│ separable (SeparableConv2D)     │ (None, 6, 6, 4)        │            52 │", run.SingleSource);
        Assert.Contains("│ depthwise (DepthwiseConv2D)     │ (None, 3, 6, 4)        │            28 │", run.SingleSource);
        Assert.DoesNotContain("ApplyGradients(loss)", run.SingleSource);
    }
}
