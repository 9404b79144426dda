using StaticKeras.Optimizers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Optimizers;

public class RmsPropTests
{
    [Fact]
    public void PutsEpsilonInsideTheSquareRoot()
    {
        // v = 0.9 v + 0.1 g^2; w -= 0.1 g / sqrt(v + 1e-7)
        OptimizerHarness.AssertSteps(new RmsProp(learningRate: 0.1),
        [
            [0.6837728664367966, -1.6837723920969265, 2.683772273511625],
            [0.6185401979242164, -1.7490051647039966, 2.733158746652171],
            [0.8260697734420297, -1.7490051647039966, 2.532191796924518],
        ]);
    }

    [Fact]
    public void CenteredWithMomentum()
    {
        // v = 0.9 v + 0.1 g^2; a = 0.9 a + 0.1 g; m = 0.5 m + 0.1 g / sqrt(v - a^2 + 1e-7); w -= m
        OptimizerHarness.AssertSteps(new RmsProp(learningRate: 0.1, momentum: 0.5, centered: true),
        [
            [0.6666674074049382, -1.6666668518516974, 2.6666667129629533],
            [0.4301156259862631, -1.5670027611952395, 2.550964781233978],
            [0.5196218503391923, -1.5171707158670107, 2.275671147198291],
        ]);
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        var rms = new RmsProp();
        Assert.Equal((1e-3, 0.9, 0.0, 1e-7, false), (rms.LearningRate, rms.Rho, rms.Momentum, rms.Epsilon, rms.Centered));
    }
}
