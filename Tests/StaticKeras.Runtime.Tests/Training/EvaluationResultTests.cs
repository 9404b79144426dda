using System;
using System.Collections.Generic;
using StaticKeras.Training;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

public class EvaluationResultTests
{
    private static EvaluationResult Result(params (string, double)[] logs) =>
        new(Array.ConvertAll(logs, l => KeyValuePair.Create(l.Item1, l.Item2)));

    [Fact]
    public void DeconstructsIntoLossAndMetricInKerasOrder()
    {
        var (loss, accuracy) = Result(("loss", 0.35), ("accuracy", 0.87));
        Assert.Equal((0.35, 0.87), (loss, accuracy));
    }

    [Fact]
    public void IsAReadOnlyDictionaryOfLogs()
    {
        var result = Result(("loss", 0.35), ("accuracy", 0.87));
        Assert.Equal(0.35, result.Loss);
        Assert.Equal(0.87, result["accuracy"]);
        Assert.Equal(["loss", "accuracy"], result.Keys);
        Assert.Equal([0.35, 0.87], result.Values);
        Assert.Equal("loss: 0.3500 - accuracy: 0.8700", result.ToString());
        var e = Assert.Throws<KeyNotFoundException>(() => result["val_loss"]);
        Assert.Equal("Evaluate logged no 'val_loss'; it logged loss, accuracy.", e.Message);
    }

    [Fact]
    public void DeconstructWithoutAMetricSaysWhatToUse()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            var (loss, metric) = Result(("loss", 0.35));
        });
        Assert.Equal("Evaluate logged 1 values (loss), not a loss and one metric; use .Loss or index by name.", e.Message);
    }
}
