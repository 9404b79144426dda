using System;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Saving;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.EarlyStopping>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>EarlyStopping as Keras 3 behaves: when it stops, what it prints, which weights it restores.</summary>
public class EarlyStoppingTests
{
    private static CallbackHarness<EarlyStopping> Harness(EarlyStopping callback, TinyModel? model = null) => new(callback, model);

    [Fact]
    public void DefaultsAreKeras()
    {
        var callback = new EarlyStopping();

        Assert.Equal(("val_loss", 0.0, 0, 0, MonitorMode.Auto, (double?)null, false, 0),
            (callback.Monitor, callback.MinDelta, callback.Patience, callback.Verbose, callback.Mode, callback.Baseline, callback.RestoreBestWeights, callback.StartFromEpoch));
    }

    [Fact]
    public void StopsWhenPatienceRunsOutAndSaysSo()
    {
        var h = Harness(new EarlyStopping(patience: 2, verbose: 1));

        var epochs = h.Train("val_loss", 1.0, 0.8, 0.9, 0.85, 0.7);

        Assert.Equal(4, epochs);
        Assert.Equal(3, h.Callback.StoppedEpoch);
        Assert.Equal(0.8, h.Callback.Best);
        Assert.Equal("Epoch 4: early stopping\n", h.Output.ToString());
    }

    [Fact]
    public void PatienceZeroStopsAtTheFirstEpochWithoutImprovement()
    {
        var h = Harness(new EarlyStopping());

        Assert.Equal(3, h.Train("val_loss", 3, 2, 2.5, 1));
        Assert.Equal(2, h.Callback.StoppedEpoch);
        Assert.Equal("", h.Output.ToString());  // verbose 0
    }

    [Fact]
    public void ImprovingEpochsNeverStopEvenWhenTheyMissTheBaseline()
    {
        // Keras only restarts the count when an epoch beats the baseline, but an improving epoch
        // returns before the patience check; the first non-improving epoch then stops.
        var h = Harness(new EarlyStopping(patience: 2, baseline: 0.5));

        Assert.Equal(4, h.Train("val_loss", 0.9, 0.8, 0.7, 0.75, 0.6));
        Assert.Equal(4, h.Callback.Wait);
        Assert.Equal(3, h.Callback.StoppedEpoch);
    }

    [Fact]
    public void BeatingTheBaselineRestartsThePatienceCount()
    {
        var h = Harness(new EarlyStopping(patience: 2, baseline: 0.5));

        Assert.Equal(3, h.Train("val_loss", 0.4, 0.45, 0.46, 0.3));
        Assert.Equal(2, h.Callback.StoppedEpoch);
    }

    [Fact]
    public void MinDeltaMustBeExceededAndItsSignIsIgnored()
    {
        var h = Harness(new EarlyStopping(minDelta: -0.1, patience: 1));

        Assert.Equal(0.1, h.Callback.MinDelta);
        Assert.Equal(3, h.Train("val_loss", 1.0, 0.85, 0.8, 0.1));   // 0.85 improves by 0.15; 0.8 only by 0.05
        Assert.Equal(0.85, h.Callback.Best);
    }

    [Fact]
    public void ModeMaxWatchesForIncreases()
    {
        var h = Harness(new EarlyStopping(monitor: "val_auc", mode: MonitorMode.Max));

        Assert.Equal(3, h.Train("val_auc", 0.6, 0.7, 0.65, 0.9));
        Assert.Equal(0.7, h.Callback.Best);
        Assert.True(h.Callback.HigherIsBetter);
    }

    [Fact]
    public void ModeMinOverridesAnAccuracyName()
    {
        var h = Harness(new EarlyStopping(monitor: "val_accuracy", mode: MonitorMode.Min));

        Assert.Equal(2, h.Train("val_accuracy", 0.6, 0.7));
        Assert.False(h.Callback.HigherIsBetter);
    }

    [Theory]
    [InlineData("loss", false)]
    [InlineData("val_loss", false)]
    [InlineData("accuracy", true)]
    [InlineData("val_accuracy", true)]
    public void AutoModeFollowsTheCompiledMetric(string monitor, bool higherIsBetter)
    {
        var h = Harness(new EarlyStopping(monitor: monitor), new TinyModel(metrics: Metric.Accuracy));

        h.Train(monitor, 0.5);

        Assert.Equal(higherIsBetter, h.Callback.HigherIsBetter);
    }

    [Theory]
    [InlineData("val_accuracy")]   // not compiled with Accuracy
    [InlineData("val_auc")]
    [InlineData("val_acc")]        // Keras 3 no longer guesses from "acc" in the name
    public void AutoModeRefusesNamesItCannotDecide(string monitor)
    {
        var h = Harness(new EarlyStopping(monitor: monitor));

        var error = Assert.Throws<InvalidOperationException>(() => h.Train(monitor, 0.5));

        Assert.Equal(
            $"EarlyStopping callback received monitor={monitor} but Keras isn't able to automatically " +
            "determine whether that metric should be maximized or minimized. Pass `mode: MonitorMode.Max` " +
            "in order to do early stopping based on the highest metric value, or pass `mode: MonitorMode.Min` " +
            "in order to use the lowest value.",
            error.Message);
    }

    [Fact]
    public void StartFromEpochIgnoresTheWarmUp()
    {
        var h = Harness(new EarlyStopping(startFromEpoch: 2));

        Assert.Equal(4, h.Train("val_loss", 1, 2, 3, 4, 0));
        Assert.Equal(3, h.Callback.StoppedEpoch);
        Assert.Equal(3.0, h.Callback.Best);
    }

    [Fact]
    public void MissingMonitorWarnsOnceWithKerasTextAndNeverStops()
    {
        var h = Harness(new EarlyStopping(patience: 0));

        Assert.Equal(3, h.Train("accuracy", 0.5, 0.4, 0.3));

        Assert.Equal(
            "UserWarning: Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy\n",
            h.Warnings.ToString());
        Assert.False(h.Model.StopTraining);
    }

    [Fact]
    public void RestoresTheBestEpochsWeightsExactlyWhenStopping()
    {
        var h = Harness(new EarlyStopping(patience: 2, verbose: 1, restoreBestWeights: true));
        using var expected = new TinyModel();
        expected.Fill(1);

        Assert.Equal(4, h.Train("val_loss", 0.5, 0.3, 0.4, 0.45, 0.1));

        Assert.Equal(1, h.Callback.BestEpoch);
        Assert.Equal(
            "Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
            h.Output.ToString());
        Assert.Equal(expected.Hidden.Kernel.data<float>().ToArray(), h.Model.Hidden.Kernel.data<float>().ToArray());
        Assert.Equal(expected.Hidden.Bias.data<float>().ToArray(), h.Model.Hidden.Bias.data<float>().ToArray());
        Assert.Equal(1L, h.Model.Steps.item<long>());
    }

    [Fact]
    public void RestoresTheBestWeightsEvenWithoutStoppingEarly()
    {
        // Keras 3 restores whenever it has best weights; Keras 2 only did so after stopping early.
        var h = Harness(new EarlyStopping(patience: 5, verbose: 1, restoreBestWeights: true));

        Assert.Equal(3, h.Train("val_loss", 0.5, 0.3, 0.4));

        Assert.Equal("Restoring model weights from the end of the best epoch: 2.\n", h.Output.ToString());
        Assert.Equal(1L, h.Model.Steps.item<long>());
        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, h.Model.Hidden.Kernel.data<float>().ToArray());
    }

    [Fact]
    public void WithoutRestoreTheLastWeightsStay()
    {
        var h = Harness(new EarlyStopping(patience: 1));

        h.Train("val_loss", 0.5, 0.3, 0.4);

        Assert.Equal(2L, h.Model.Steps.item<long>());
    }

    [Fact]
    public void ComparisonsAreFloat32AsInKeras()
    {
        // 0.49999999 and 0.5 are the same float32, so the second epoch does not improve.
        var h = Harness(new EarlyStopping());

        Assert.Equal(2, h.Train("val_loss", 0.5, 0.49999999));
        Assert.Equal(1, h.Callback.StoppedEpoch);
    }

    [Fact]
    public void ReuseStartsAfresh()
    {
        var h = Harness(new EarlyStopping(patience: 1, restoreBestWeights: true));
        h.Train("val_loss", 0.1, 0.2, 0.3);
        h.Model.StopTraining = false;

        Assert.Equal(3, h.Train("val_loss", 5, 4, 4.5));

        Assert.Equal(4.0, h.Callback.Best);
        Assert.Equal(2, h.Callback.StoppedEpoch);
        Assert.Equal(1L, h.Model.Steps.item<long>());
    }

    [Fact]
    public void UsedOutsideFitSaysWhy()
    {
        var callback = new EarlyStopping(monitor: "accuracy");

        var error = Assert.Throws<InvalidOperationException>(() => callback.OnEpochEnd(0, Logs(("accuracy", 1))));

        Assert.Equal("EarlyStopping has no model; Fit sets Callback.Model before the first hook.", error.Message);
    }
}
