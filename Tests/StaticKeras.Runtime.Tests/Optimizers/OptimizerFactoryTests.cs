using System;
using StaticKeras.Optimizers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Optimizers;

public class OptimizerFactoryTests
{
    [Theory]
    [InlineData(Optimizer.Sgd, typeof(Sgd), 0.01)]
    [InlineData(Optimizer.Adam, typeof(Adam), 1e-3)]
    [InlineData(Optimizer.AdamW, typeof(AdamW), 1e-3)]
    [InlineData(Optimizer.RmsProp, typeof(RmsProp), 1e-3)]
    public void ZeroLearningRateMeansKerasDefault(Optimizer kind, Type type, double learningRate)
    {
        var optimizer = OptimizerFactory.Create(kind);
        Assert.IsType(type, optimizer);
        Assert.Equal(learningRate, optimizer.LearningRate);
        Assert.False(optimizer.IsBuilt);
    }

    [Fact]
    public void GivenLearningRateWins()
    {
        Assert.Equal(0.5, OptimizerFactory.Create(Optimizer.Sgd, 0.5).LearningRate);
    }

    [Fact]
    public void UnknownKindIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create((Optimizer)42));
    }

    [Fact]
    public void OptionsSetWhatTheyNameAndLeaveTheRestAtKerasDefaults()
    {
        var optimizer = OptimizerFactory.Create(Optimizer.AdamW, 0.01, new OptimizerOptions
        {
            Schedule = Schedule.CosineDecayRestarts, FirstDecaySteps = 10, TMul = 1.5, ClipValue = 0.25, Amsgrad = true, EmaOverwriteFrequency = 4, UseEma = true,
        });

        var adamW = Assert.IsType<AdamW>(optimizer);
        var schedule = Assert.IsType<StaticKeras.Optimizers.Schedules.CosineDecayRestarts>(adamW.Schedule);
        Assert.Equal((0.01, 10L, 1.5, 1.0, 0.0), (schedule.InitialLearningRate, schedule.FirstDecaySteps, schedule.TMul, schedule.MMul, schedule.Alpha));
        Assert.Equal((0.25, true, 0.004, 4, 0.99), (adamW.ClipValue, adamW.Amsgrad, adamW.WeightDecay, adamW.EmaOverwriteFrequency, adamW.EmaMomentum));
        Assert.Null(adamW.ClipNorm);
    }

    [Fact]
    public void AScheduleWithoutALearningRateStartsFromTheOptimizersDefault()
    {
        var schedule = OptimizerFactory.Create(Optimizer.Sgd, 0, new OptimizerOptions { Schedule = Schedule.PolynomialDecay, DecaySteps = 100 }).Schedule;
        var polynomial = Assert.IsType<StaticKeras.Optimizers.Schedules.PolynomialDecay>(schedule);
        Assert.Equal((0.01, 100L, 1e-4, 1.0, false), (polynomial.InitialLearningRate, polynomial.DecaySteps, polynomial.EndLearningRate, polynomial.Power, polynomial.Cycle));
    }

    [Fact]
    public void OptionsTheBuildWouldHaveRejectedAreRejected()
    {
        var amsgrad = Assert.Throws<ArgumentException>(() => OptimizerFactory.Create(Optimizer.Sgd, 0, new OptimizerOptions { Amsgrad = true }));
        Assert.StartsWith("Amsgrad applies to Adam and AdamW, not Sgd.", amsgrad.Message);
        var missing = Assert.Throws<ArgumentException>(() => OptimizerFactory.Create(Optimizer.Adam, 0, new OptimizerOptions { Schedule = Schedule.ExponentialDecay, DecaySteps = 5 }));
        Assert.StartsWith("ExponentialDecay needs DecayRate, found none.", missing.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create(Optimizer.Adam, 0, new OptimizerOptions { EmaMomentum = 2 }));
    }
}
