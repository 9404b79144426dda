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
}
