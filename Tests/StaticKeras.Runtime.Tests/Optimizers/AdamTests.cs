using System;
using StaticKeras.Optimizers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Optimizers;

public class AdamTests
{
    [Fact]
    public void FollowsKerasRuleWithEpsilonOutsideBiasCorrection()
    {
        // alpha = lr sqrt(1 - 0.999^t) / (1 - 0.9^t); m += (g - m) 0.1; v += (g^2 - v) 0.001;
        // w -= alpha m / (sqrt(v) + 1e-7), lr = 0.1
        OptimizerHarness.AssertSteps(new Adam(learningRate: 0.1),
        [
            [0.9000006324515321, -1.900000316226766, 2.900000158113633],
            [0.819697032869824, -1.8488978670466378, 2.8447804388197233],
            [0.8103271383411091, -1.809395525780889, 2.772428368383531],
        ]);
    }

    [Fact]
    public void Float32ParametersFollowTheSameRule()
    {
        // The training hot path runs in float32: the same three steps agree to float32 precision.
        var adam = new Adam(learningRate: 0.1);
        var w = new TorchSharp.Modules.Parameter(TorchSharp.torch.tensor(OptimizerHarness.InitialWeights, dtype: TorchSharp.torch.ScalarType.Float32));
        adam.Build([w]);
        foreach (var g in OptimizerHarness.Gradients)
        {
            w.grad = TorchSharp.torch.tensor(g, dtype: TorchSharp.torch.ScalarType.Float32);
            adam.Step();
        }

        TestSupport.Approx.Equal([0.8103271383411091, -1.809395525780889, 2.772428368383531], w, 1e-6);
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        var adam = new Adam();
        Assert.Equal((1e-3, 0.9, 0.999, 1e-7), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));
    }

    [Fact]
    public void SkipsParametersWithoutGradientButCountsTheStep()
    {
        var adam = new Adam(learningRate: 0.1);
        var w = new TorchSharp.Modules.Parameter(TorchSharp.torch.ones(2));
        adam.Build([w]);
        adam.Step();
        TestSupport.Approx.Equal([1.0, 1.0], w, 0);
        Assert.Equal(1, adam.Iterations);
    }

    [Theory]
    [InlineData(1.0, 0.999)]
    [InlineData(0.9, -0.1)]
    public void RejectsDecayRatesOutsideZeroToOne(double beta1, double beta2)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: beta1, beta2: beta2));
    }

    [Fact]
    public void RejectsNegativeLearningRate()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(learningRate: -1));
        Assert.Contains("got -1", e.Message);
    }

    [Fact]
    public void StepBeforeBuildSaysWhatToDo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Adam().Step());
        Assert.Equal("Adam is not built: call Build(parameters) or Model.Compile first.", e.Message);
    }

    [Fact]
    public void BuildsOnce()
    {
        var adam = new Adam();
        adam.Build([new TorchSharp.Modules.Parameter(TorchSharp.torch.ones(2))]);
        var e = Assert.Throws<InvalidOperationException>(() => adam.Build([]));
        Assert.Contains("already built for 1 parameters", e.Message);
    }
}
