using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Dropout with Keras' noiseShape in a model: the explicit backward multiplies by the broadcast mask; compiles cleanly against the runtime.</summary>
public sealed class DropoutNoiseShapeGenerationTests
{
    [Fact]
    public void SequenceDropoutSharedOverSteps()
    {
        var source = ModelSource.Sequential("StepDropout")
            .Input("6, 8")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense embed = new(8, Activation.Relu);")
            .Layer("readonly Dropout drop = new(0.25, noiseShape: [null, 1, null]);")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense output = new(1);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // The output goes into a planned buffer; the mask, smaller than the input (its noise shape), does not.
        Assert.Contains("drop.Call(x1, training: true, out var x2_mask, into: _trainBuffers.Get(1, x1));", run.SingleSource);
        Assert.DoesNotContain("maskInto", run.SingleSource);
        Assert.Contains("drop.Backward(", run.SingleSource);
    }
}
