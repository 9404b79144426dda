using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Saving;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.ReduceLROnPlateau>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>ReduceLROnPlateau: when it reduces, by how much, cooldown, and what it logs and prints.</summary>
public class ReduceLROnPlateauTests
{
    private static CallbackHarness<ReduceLROnPlateau> Harness(ReduceLROnPlateau callback, double learningRate = 0.001) =>
        new(callback, learningRate: learningRate);

    /// <summary>Runs epoch ends with <paramref name="values"/> of <paramref name="key"/>; returns each epoch's logs.</summary>
    private static List<Dictionary<string, double>> Run(CallbackHarness<ReduceLROnPlateau> h, string key, params double[] values)
    {
        var all = new List<Dictionary<string, double>>();
        h.Callback.OnTrainBegin(Logs());
        for (var epoch = 0; epoch < values.Length; epoch++)
        {
            var logs = Logs((key, values[epoch]));
            h.Callback.OnEpochEnd(epoch, logs);
            all.Add(logs);
        }

        return all;
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        var c = new ReduceLROnPlateau();

        Assert.Equal(("val_loss", 0.1, 10, 0, MonitorMode.Auto, 1e-4, 0, 0.0),
            (c.Monitor, c.Factor, c.Patience, c.Verbose, c.Mode, c.MinDelta, c.Cooldown, c.MinLr));
    }

    [Fact]
    public void ReducesAfterPatienceAndPrintsTheNewRateAsKerasDoes()
    {
        // Keras keeps the rate in a float32 variable: 1e-3 reads back as 0.0010000000474974513.
        var h = Harness(new ReduceLROnPlateau(factor: 0.5, patience: 2, verbose: 1));

        var logs = Run(h, "val_loss", 1.0, 1.0, 1.0);

        Assert.Equal(0.0005000000237487257, h.Model.CompiledOptimizer.LearningRate);
        Assert.Equal("\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.0005000000237487257.\n", h.Output.ToString());
        Assert.Equal(new[] { 0.0010000000474974513, 0.0010000000474974513, 0.0010000000474974513 }, logs.ConvertAll(l => l["learning_rate"]));
    }

    [Fact]
    public void ImprovementsBeyondMinDeltaResetTheWait()
    {
        var h = Harness(new ReduceLROnPlateau(patience: 2, minDelta: 0.1));

        Run(h, "val_loss", 1.0, 0.95, 0.85, 0.8);

        Assert.Equal(0.85, h.Callback.Best);
        Assert.Equal(1, h.Callback.Wait);
        Assert.Equal(0.001, h.Model.CompiledOptimizer.LearningRate);
    }

    [Fact]
    public void CooldownSuspendsWaiting()
    {
        var h = Harness(new ReduceLROnPlateau(factor: 0.5, patience: 1, verbose: 1, cooldown: 2));

        Run(h, "val_loss", 1, 1, 1, 1, 1);

        // Epoch 2 reduces; epoch 3 counts the cooldown down to 1, epoch 4 to 0 and reduces again;
        // epoch 5 counts the new cooldown down to 1.
        Assert.Equal(
            "\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.0005000000237487257.\n" +
            "\nEpoch 4: ReduceLROnPlateau reducing learning rate to 0.0002500000118743628.\n",
            h.Output.ToString());
        Assert.Equal(1, h.Callback.CooldownCounter);
    }

    [Fact]
    public void NeverGoesBelowMinLr()
    {
        var h = Harness(new ReduceLROnPlateau(patience: 1, verbose: 1, minLr: 0.0005));

        Run(h, "val_loss", 1, 1, 1, 1);

        Assert.Equal("\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.0005.\n", h.Output.ToString());
        Assert.Equal(0.0005, h.Model.CompiledOptimizer.LearningRate);
    }

    [Theory]
    [InlineData("val_accuracy", new[] { 0.5, 0.6, 0.7 }, 0.001)]         // "acc" in the name: higher is better
    [InlineData("val_auc", new[] { 0.5, 0.6, 0.7 }, 0.00010000000474974513)]  // Keras' quirk: auc is minimised here
    [InlineData("val_loss", new[] { 0.7, 0.6, 0.5 }, 0.001)]
    public void AutoModeLooksForAccInTheName(string monitor, double[] values, double finalRate)
    {
        var h = Harness(new ReduceLROnPlateau(monitor: monitor, patience: 2));

        Run(h, monitor, values);

        Assert.Equal(finalRate, h.Model.CompiledOptimizer.LearningRate);
    }

    [Fact]
    public void ExplicitModeMaxOverridesTheName()
    {
        var h = Harness(new ReduceLROnPlateau(monitor: "val_loss", mode: MonitorMode.Max, patience: 1));

        Run(h, "val_loss", 0.7, 0.6);

        Assert.Equal(0.00010000000474974513, h.Model.CompiledOptimizer.LearningRate);
        Assert.Equal(0.7, h.Callback.Best);
    }

    [Fact]
    public void MissingMonitorWarnsWithKerasTextListingLearningRate()
    {
        var h = Harness(new ReduceLROnPlateau(patience: 0));

        Run(h, "loss", 1, 1);

        Assert.Equal(
            "UserWarning: Learning rate reduction is conditioned on metric `val_loss` which is not available. Available metrics are: loss,learning_rate.\n",
            h.Warnings.ToString());
        Assert.Equal(0.001, h.Model.CompiledOptimizer.LearningRate);
    }

    [Fact]
    public void FactorMustBeBelowOne()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: 1));

        Assert.StartsWith("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=1.0", error.Message);
    }

    [Fact]
    public void WithoutAnOptimizerSaysWhatIsMissing()
    {
        var h = new CallbackHarness<ReduceLROnPlateau>(new ReduceLROnPlateau(), new TinyModel { HasCompile = false });

        var error = Assert.Throws<InvalidOperationException>(() => h.Callback.OnEpochEnd(0, Logs(("val_loss", 1))));

        Assert.StartsWith("ReduceLROnPlateau needs the model's optimizer: TinyModel has no optimizer: it has no [Compile] attribute.", error.Message);
    }
}
