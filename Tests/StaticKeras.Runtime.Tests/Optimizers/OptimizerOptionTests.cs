using System;
using StaticKeras.Optimizers;
using StaticKeras.Optimizers.Schedules;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>
/// The base optimizer options of Keras 3 (clipping, weight decay, gradient accumulation, EMA,
/// schedules) against their formulas, worked by hand in double precision (each test shows the sum).
/// </summary>
public class OptimizerOptionTests
{
    private static (Parameter A, Parameter B, Sgd Sgd) Two(Sgd sgd, string[]? names = null)
    {
        var a = new Parameter(tensor(new[] { 1.0, 1.0 }));
        var b = new Parameter(tensor(new[] { 1.0 }));
        sgd.Build([a, b], names);
        return (a, b, sgd);
    }

    private static void Step(KerasOptimizer optimizer, Parameter a, double[] ga, Parameter b, double[] gb)
    {
        a.grad = tensor(ga);
        b.grad = tensor(gb);
        optimizer.Step();
    }

    [Fact]
    public void ClipNormScalesEachWeightsGradientToTheNorm()
    {
        // ||(3, 4)|| = 5 > 1: (0.6, 0.8); ||(0.5)|| = 0.5 <= 1: unchanged. SGD lr 1.
        var (a, b, sgd) = Two(new Sgd(1) { ClipNorm = 1 });
        Step(sgd, a, [3, 4], b, [0.5]);
        Approx.Equal([0.4, 0.2], a, 1e-12);
        Approx.Equal([0.5], b, 1e-12);
    }

    [Fact]
    public void GlobalClipNormScalesAllGradientsByOneNorm()
    {
        // global norm of (3, 4, 12) = 13 > 2.6: every gradient * 0.2 -> (0.6, 0.8), (2.4).
        var (a, b, sgd) = Two(new Sgd(1) { GlobalClipNorm = 2.6 });
        Step(sgd, a, [3, 4], b, [12]);
        Approx.Equal([0.4, 0.2], a, 1e-12);
        Approx.Equal([-1.4], b, 1e-12);
    }

    [Fact]
    public void ClipValueClampsEveryElement()
    {
        var (a, b, sgd) = Two(new Sgd(1) { ClipValue = 0.5 });
        Step(sgd, a, [3, -0.25], b, [-4]);
        Approx.Equal([0.5, 1.25], a, 1e-12);
        Approx.Equal([1.5], b, 1e-12);
    }

    [Fact]
    public void OnlyOneClipMayBeSet()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Two(new Sgd { ClipNorm = 1, ClipValue = 1 }));
        Assert.StartsWith("Only one of ClipNorm, ClipValue and GlobalClipNorm can be set", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd { ClipNorm = 0 });
    }

    [Fact]
    public void WeightDecayIsDecoupledAndSkipsExcludedNames()
    {
        // w - w * 0.1 * 0.5 = 0.95 w, then w -= 0.5 g; the weight named "output.bias" gets no decay.
        var (a, b, sgd) = Two(new Sgd(0.5) { WeightDecay = 0.1, ExcludeFromWeightDecay = ["bias"] }, ["output.kernel", "output.bias"]);
        Step(sgd, a, [1, 0], b, [1]);
        Approx.Equal([0.95 - 0.5, 0.95], a, 1e-12);
        Approx.Equal([0.5], b, 1e-12);
    }

    [Fact]
    public void GradientAccumulationUpdatesEveryNStepsWithTheMeanGradient()
    {
        // Steps 1, 2: accumulate; step 3: w -= lr (g1 + g2 + g3) / 3.
        var (a, b, sgd) = Two(new Sgd(1) { GradientAccumulationSteps = 3 });
        Step(sgd, a, [3, 0], b, [1]);
        Step(sgd, a, [0, 3], b, [2]);
        Approx.Equal([1, 1], a, 0);
        Assert.Equal(0, sgd.Iterations);
        Step(sgd, a, [3, 3], b, [3]);
        Approx.Equal([-1, -1], a, 1e-12);
        Approx.Equal([-1], b, 1e-12);
        Assert.Equal(1, sgd.Iterations);
        Step(sgd, a, [3, 3], b, [3]);      // the accumulator was reset
        Approx.Equal([-1, -1], a, 0);
    }

    [Fact]
    public void EmaAveragesTheWeightsAndFinalizeWritesTheAverage()
    {
        // SGD lr 1 on a = 1 with g = 1 each step: w = 0, -1, -2. EMA (momentum 0.5, 0 on the first
        // iteration): 0, 0.5*0 + 0.5*(-1) = -0.5, 0.5*(-0.5) + 0.5*(-2) = -1.25.
        var (a, b, sgd) = Two(new Sgd(1) { UseEma = true, EmaMomentum = 0.5 });
        for (var step = 0; step < 3; step++)
        {
            Step(sgd, a, [1, 1], b, [1]);
        }

        Approx.Equal([-2, -2], a, 1e-12);
        sgd.FinalizeVariableValues();
        Approx.Equal([-1.25, -1.25], a, 1e-12);
    }

    [Fact]
    public void EmaOverwriteFrequencyPutsTheAverageIntoTheWeights()
    {
        // As above with overwrite every 2 iterations: after step 2, w = avg = -0.5; step 3: w = -1.5,
        // avg = 0.5*(-0.5) + 0.5*(-1.5) = -1.
        var (a, b, sgd) = Two(new Sgd(1) { UseEma = true, EmaMomentum = 0.5, EmaOverwriteFrequency = 2 });
        Step(sgd, a, [1, 1], b, [1]);
        Step(sgd, a, [1, 1], b, [1]);
        Approx.Equal([-0.5, -0.5], a, 1e-12);
        Step(sgd, a, [1, 1], b, [1]);
        Approx.Equal([-1.5, -1.5], a, 1e-12);
        sgd.FinalizeVariableValues();
        Approx.Equal([-1, -1], a, 1e-12);
    }

    [Fact]
    public void AScheduleSetsTheLearningRateOfEachStep()
    {
        // lr = 1, 0.5, 0.25 (ExponentialDecay(1, 1, 0.5)); g = 1: w = 1 - 1 - 0.5 - 0.25.
        var (a, b, sgd) = Two(new Sgd { Schedule = new ExponentialDecay(1, 1, 0.5) });
        for (var step = 0; step < 3; step++)
        {
            Assert.Equal(Math.Pow(0.5, step), sgd.LearningRate, 12);
            Step(sgd, a, [1, 1], b, [1]);
        }

        Approx.Equal([-0.75, -0.75], a, 1e-12);
        var e = Assert.Throws<InvalidOperationException>(() => sgd.LearningRate = 0.1);
        Assert.StartsWith("Sgd was created with the schedule ExponentialDecay as its learning rate, which is not settable", e.Message);
    }

    [Fact]
    public void AmsgradUsesTheLargestSecondMoment()
    {
        // Adam lr 0.1 amsgrad on one weight, g = 1 then 0: step 2 divides by sqrt(v_hat) = sqrt(0.001),
        // not sqrt(v2) = sqrt(0.000999). m2 = 0.09, alpha2 = 0.1 sqrt(1 - 0.999^2) / (1 - 0.81).
        var w = new Parameter(tensor(new[] { 0.0 }));
        var adam = new Adam(0.1, amsgrad: true);
        adam.Build([w]);
        w.grad = tensor(new[] { 1.0 });
        adam.Step();
        var afterOne = w.item<double>();
        w.grad = tensor(new[] { 0.0 });
        adam.Step();
        var alpha2 = 0.1 * Math.Sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        Assert.Equal(afterOne - alpha2 * 0.09 / (Math.Sqrt(0.001) + 1e-7), w.item<double>(), 12);
    }

    [Fact]
    public void SchedulesRejectImpossibleArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(0.1, 0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineDecayRestarts(0.1, -1));
        var e = Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay([1, 2], [0.1, 0.2]));
        Assert.StartsWith("The length of boundaries should be 1 less than the length of values", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { GradientAccumulationSteps = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { EmaMomentum = 1.5 });
    }
}
