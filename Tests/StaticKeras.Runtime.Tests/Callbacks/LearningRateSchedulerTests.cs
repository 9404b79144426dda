using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.LearningRateScheduler>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>LearningRateScheduler: the rate each epoch starts with, what it prints and logs.</summary>
public class LearningRateSchedulerTests
{
    [Fact]
    public void SetsTheRateAtEpochBeginAndLogsItAtEpochEnd()
    {
        var seen = new List<(int, double)>();
        var h = new CallbackHarness<LearningRateScheduler>(
            new LearningRateScheduler((epoch, lr) => { seen.Add((epoch, lr)); return 0.005 / (epoch + 1); }, verbose: 1),
            learningRate: 0.01);
        var logs = Logs(("loss", 1));

        h.Callback.OnEpochBegin(0, Logs());
        h.Callback.OnEpochEnd(0, logs);
        h.Callback.OnEpochBegin(1, Logs());

        // The schedule sees the rate as Keras reads its float32 variable.
        Assert.Equal(new[] { (0, 0.009999999776482582), (1, 0.004999999888241291) }, seen);
        Assert.Equal(0.004999999888241291, logs["learning_rate"]);
        Assert.Equal(0.0025, h.Model.CompiledOptimizer.LearningRate);
        Assert.Equal(
            "\nEpoch 1: LearningRateScheduler setting learning rate to 0.005.\n" +
            "\nEpoch 2: LearningRateScheduler setting learning rate to 0.0025.\n",
            h.Output.ToString());
    }

    [Fact]
    public void KerasDocstringExampleEndsAt0_00607()
    {
        // keras.callbacks.LearningRateScheduler's example: SGD (0.01), 15 epochs, decay after 10.
        var h = new CallbackHarness<LearningRateScheduler>(
            new LearningRateScheduler((epoch, lr) => epoch < 10 ? lr : lr * Math.Exp(-0.1)),
            learningRate: 0.01);
        var logs = Logs();

        for (var epoch = 0; epoch < 15; epoch++)
        {
            h.Callback.OnEpochBegin(epoch, Logs());
            h.Callback.OnEpochEnd(epoch, logs);
        }

        Assert.Equal(0.00607, Math.Round(logs["learning_rate"], 5));
        Assert.Equal(0.006065306719392538, logs["learning_rate"]);
        Assert.Equal("", h.Output.ToString());
    }
}
