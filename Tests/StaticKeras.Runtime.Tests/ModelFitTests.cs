using System;
using System.Linq;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelFitTests
{
    [Fact]
    public void LearnsSeparableBlobs()
    {
        manual_seed(0);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(600, seed: 1);
        var (xTest, yTest) = Blobs.Make(300, seed: 2);

        var history = model.Fit(x, y, epochs: 15, batchSize: 32, verbose: 0, validationSplit: 0.2);

        Assert.Equal(Enumerable.Range(0, 15), history.Epoch);
        Assert.Equal(["accuracy", "loss", "val_accuracy", "val_loss"], history.Logs.Keys);
        Assert.True(history.Logs["accuracy"][^1] > 0.95, $"train accuracy {history.Logs["accuracy"][^1]}");
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0] / 3, $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
        var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);
        Assert.True(accuracy > 0.95, $"test accuracy {accuracy}, loss {loss}");
        Assert.False(model.training);
    }

    [Fact]
    public void EpochLossIsTheBatchSizeWeightedMeanAndAccuracyTheSampleMean()
    {
        manual_seed(1);
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Make(70, seed: 3);   // batches of 32, 32 and 6

        var history = model.Fit(x, y, epochs: 1, batchSize: 32, verbose: 0, shuffle: false);

        var steps = model.Phase("train").ToArray();
        Assert.Equal([32L, 32, 6], steps.Select(s => s.Samples));
        var weightedLoss = steps.Sum(s => s.Loss * s.Samples) / 70;
        Assert.Equal(weightedLoss, history.Logs["loss"][0], 6);
        Assert.Equal(steps.Sum(s => s.Correct) / 70.0, history.Logs["accuracy"][0], 6);
    }

    [Fact]
    public void ValidationSplitTakesTheLastSamplesBeforeShuffling()
    {
        manual_seed(2);
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(10);

        model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, validationSplit: 0.2);

        // floor(10 * 0.8) = 8 samples train; 8 and 9 validate, in order, after every epoch.
        var test = model.Phase("test").ToArray();
        Assert.Equal(3, test.Length);
        Assert.All(test, s => Assert.Equal([8L, 9], s.Ids));
        var epochs = model.Phase("train").Chunk(2).Select(e => e.SelectMany(s => s.Ids).ToArray()).ToArray();
        Assert.All(epochs, ids => Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), ids.Order()));
        Assert.True(epochs.Select(ids => string.Join(",", ids)).Distinct().Count() > 1, "every epoch had the same order");
    }

    [Fact]
    public void WithoutShuffleBatchesFollowTheArrays()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(5);
        model.Fit(x, y, epochs: 2, batchSize: 2, verbose: 0, shuffle: false);
        Assert.Equal(new long[][] { [0, 1], [2, 3], [4], [0, 1], [2, 3], [4] }, model.Phase("train").Select(s => s.Ids));
    }

    [Fact]
    public void ValidationValuesAreTheModelsLossAfterTheEpoch()
    {
        manual_seed(3);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(200, seed: 4);
        var (xVal, yVal) = Blobs.Make(50, seed: 5);

        var history = model.Fit(x, y, epochs: 2, verbose: 0, validationData: (xVal, yVal));

        var evaluation = model.Evaluate(xVal, yVal, verbose: 0);
        Assert.Equal(evaluation.Loss, history.Logs["val_loss"][^1], 12);
        Assert.Equal(evaluation["accuracy"], history.Logs["val_accuracy"][^1], 12);
    }

    [Fact]
    public void ValidationDataWinsOverValidationSplit()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(6);
        var (xVal, yVal) = Blobs.Numbered(2);
        model.Fit(x, y, epochs: 1, batchSize: 6, verbose: 0, validationSplit: 0.5, validationData: (xVal, yVal), shuffle: false);
        Assert.Equal([0L, 1, 2, 3, 4, 5], model.Phase("train").Single().Ids);
        Assert.Equal([0L, 1], model.Phase("test").Single().Ids);
    }

    [Fact]
    public void InitialEpochResumesNumbering()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(4);
        var history = model.Fit(x, y, epochs: 4, initialEpoch: 2, verbose: 0);
        Assert.Equal([2, 3], history.Epoch);
        Assert.Equal(2, history.Logs["loss"].Count);
    }

    [Fact]
    public void BinaryLossWithOneUnitReportsBinaryAccuracy()
    {
        manual_seed(4);
        var model = new TestMlp(TestMlp.Compiled(Loss.BinaryCrossentropy, learningRate: 0.01), units: 1);
        var (x, classes) = Blobs.Make(300, seed: 6);
        var y = classes.eq(0).to_type(ScalarType.Float32);   // (N,) labels for a (N, 1) output

        var history = model.Fit(x, y, epochs: 20, batchSize: 16, verbose: 0);

        Assert.Equal(["accuracy", "loss"], history.Logs.Keys);
        Assert.True(history.Logs["accuracy"][^1] > 0.95, $"binary accuracy {history.Logs["accuracy"][^1]}");
    }

    [Fact]
    public void CategoricalLossWithOneHotLabelsReportsCategoricalAccuracy()
    {
        manual_seed(5);
        var model = new TestMlp(TestMlp.Compiled(Loss.CategoricalCrossentropy, learningRate: 0.01));
        var (x, classes) = Blobs.Make(300, seed: 7);
        var history = model.Fit(x, nn.functional.one_hot(classes, 3).to_type(ScalarType.Float32), epochs: 15, verbose: 0);
        Assert.True(history.Logs["accuracy"][^1] > 0.95, $"categorical accuracy {history.Logs["accuracy"][^1]}");
    }

    [Fact]
    public void MeanSquaredErrorWithoutMetricsLogsOnlyTheLoss()
    {
        manual_seed(6);
        var model = new TestMlp(TestMlp.Compiled(Loss.MeanSquaredError, Optimizer.Sgd, learningRate: 0.05, accuracy: false), units: 2);
        using var x = randn(64, 2, 2);
        var y = x.reshape(64, 4)[.., ..2] * 2;
        var history = model.Fit(x, y, epochs: 30, batchSize: 16, verbose: 0);
        Assert.Equal(["loss"], history.Logs.Keys);
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0] / 4, $"mse {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
    }

    [Fact]
    public void DropoutIsActiveInTrainingStepsOnly()
    {
        manual_seed(7);
        var model = new TestMlp(TestMlp.Compiled(), dropoutRate: 0.5);
        var (x, y) = Blobs.Make(64, seed: 8);
        model.Fit(x, y, epochs: 1, batchSize: 64, verbose: 0);
        using var a = model.Predict(x);
        using var b = model.Predict(x);
        Approx.Equal(a, b, 0);   // inference is deterministic
        Assert.Throws<Xunit.Sdk.TrueException>(() => Approx.Equal(a, model.Call(x, training: true), 1e-6));
    }

    [Fact]
    public void VerboseTwoPrintsAnEpochHeaderAndOneLinePerEpoch()
    {
        manual_seed(8);
        var writer = new System.IO.StringWriter();
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(100, seed: 9);
        model.Fit(x, y, epochs: 2, batchSize: 40, verbose: 2, validationSplit: 0.2,
            callbacks: [new global::StaticKeras.Callbacks.ProgbarLogger(writer, new StepClock(0.01))]);
        var lines = writer.ToString().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(@"^2/2 - 0s - 5ms/step - \d+ samples/s - accuracy: \S+ - loss: \d\.\d{4} - val_accuracy: \S+ - val_loss: \d\.\d{4}$", lines[1]);
        Assert.Equal("Epoch 2/2", lines[2]);
        Assert.Matches(@"^2/2 - 0s - 5ms/step - \d+ samples/s - accuracy: ", lines[3]);
        Assert.Equal("", lines[4]);
    }
}
