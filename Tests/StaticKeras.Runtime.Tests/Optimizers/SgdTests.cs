using System;
using StaticKeras.Optimizers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Optimizers;

public class SgdTests
{
    [Fact]
    public void PlainStepIsLearningRateTimesGradient()
    {
        // w -= 0.01 * g
        OptimizerHarness.AssertSteps(new Sgd(),
        [
            [0.995, -1.99, 2.98],
            [0.994, -1.992, 2.983],
            [0.998, -1.992, 2.968],
        ]);
    }

    [Fact]
    public void MomentumFollowsKerasVelocityRule()
    {
        // v = 0.9 v - 0.1 g; w += v
        OptimizerHarness.AssertSteps(new Sgd(learningRate: 0.1, momentum: 0.9),
        [
            [0.95, -1.9, 2.8],
            [0.8949999999999999, -1.8299999999999998, 2.65],
            [0.8855, -1.767, 2.3649999999999998],
        ]);
    }

    [Fact]
    public void NesterovAddsMomentumTimesVelocityMinusLearningRateTimesGradient()
    {
        // v = 0.9 v - 0.1 g; w += 0.9 v - 0.1 g
        OptimizerHarness.AssertSteps(new Sgd(learningRate: 0.1, momentum: 0.9, nesterov: true),
        [
            [0.905, -1.81, 2.62],
            [0.8455, -1.7670000000000001, 2.515],
            [0.87695, -1.7103000000000002, 2.1085000000000003],
        ]);
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        var sgd = new Sgd();
        Assert.Equal(0.01, sgd.LearningRate);
        Assert.Equal(0, sgd.Momentum);
        Assert.False(sgd.Nesterov);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void RejectsMomentumOutsideZeroToOne(double momentum)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(momentum: momentum));
        Assert.Equal("momentum", e.ParamName);
        Assert.Contains($"got {momentum}", e.Message);
    }
}
