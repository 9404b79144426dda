using System;
using StaticKeras.Metrics;
using Xunit;

namespace StaticKeras.Runtime.Tests.Metrics;

public class MeanTests
{
    [Fact]
    public void WeightsEachValueByItsBatchSize()
    {
        var mean = new Mean("loss");
        mean.UpdateState(0.5, 32);
        mean.UpdateState(0.2, 8);
        Assert.Equal((0.5 * 32 + 0.2 * 8) / 40, mean.Result(), 15);
        Assert.Equal(40, mean.Count);
    }

    [Fact]
    public void IsZeroWhenEmptyAndAfterReset()
    {
        var mean = new Mean("accuracy");
        Assert.Equal(0, mean.Result());
        mean.UpdateState(1);
        mean.ResetState();
        Assert.Equal(0, mean.Result());
        Assert.Equal("accuracy", mean.Name);
    }

    [Fact]
    public void RejectsNegativeWeight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mean("loss").UpdateState(1, -1));
    }
}
