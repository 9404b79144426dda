using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>
/// The seed examples trained as the sample trains them, on the real Fashion-MNIST subset the
/// repository bundles (6,000 training and 1,000 test images), so they run with no download.
/// </summary>
public sealed class SeedExamplesOnBundledSubsetTests
{
    [Fact]
    public void Example1MlpLearnsFashionMnist()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var ((xTrain, yTrain), (xTest, yTest)) = Scaled(FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory));
        var model = new SeedMlp();

        var history = model.Fit(xTrain, yTrain, epochs: 5, batchSize: 32, verbose: 0);
        var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);
        var probabilities = model.Predict(xTest, verbose: 0);

        var losses = history.Logs["loss"];
        Assert.Equal(5, losses.Count);
        Assert.True(losses.Zip(losses.Skip(1)).All(p => p.Second < p.First), $"epoch losses should fall: {string.Join(", ", losses)}");
        // Ten classes at chance would be 0.10; this MLP reaches about 0.82 on 6,000 images.
        Assert.InRange(accuracy, 0.78, 1.0);
        Assert.InRange(loss, 0.0, 0.65);
        Assert.Equal([1000L, 10], probabilities.shape);
        var agreeing = probabilities.argmax(1).eq(yTest).sum().item<long>();
        Assert.Equal(accuracy, agreeing / 1000.0, 6);
    }

    [Fact]
    public void Example3StopsByKerasRuleAndRestoresTheBestEpochsWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var ((xTrain, yTrain), _) = Scaled(FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory));
        var model = new SeedCustomLayerMlp();
        var snapshots = new List<WeightSnapshot>();
        var output = new StringWriter();
        var earlyStopping = new EarlyStopping(monitor: "val_loss", patience: 3, verbose: 1, restoreBestWeights: true) { Output = output };
        var capture = new LambdaCallback(onEpochEnd: (_, _) => snapshots.Add(model.GetWeights()));
        const int epochs = 60;

        var history = model.Fit(xTrain, yTrain, epochs: epochs, batchSize: 32, validationSplit: 0.2, verbose: 0,
            callbacks: [earlyStopping, capture]);

        var valLoss = history.Logs["val_loss"];
        var (stop, best) = KerasEarlyStoppingRule.StopAndBest(valLoss, patience: 3);
        Assert.NotNull(stop);   // 64 hidden units on 4,800 images overfit long before 60 epochs
        Assert.Equal(stop!.Value + 1, history.Epoch.Count);
        Assert.Equal(stop.Value, earlyStopping.StoppedEpoch);
        Assert.Equal(best, earlyStopping.BestEpoch);
        Assert.Equal(
            $"Epoch {stop.Value + 1}: early stopping\nRestoring model weights from the end of the best epoch: {best + 1}.\n",
            output.ToString());

        using var restored = model.GetWeights();
        Assert.Equal(["classifier.bias", "classifier.kernel", "custom.B", "custom.W"], restored.Keys.Order());
        foreach (var (name, tensor) in restored)
        {
            Assert.True(tensor.equal(snapshots[best][name]).all().item<bool>(), $"{name} differs from the best epoch's");
            Assert.False(tensor.equal(snapshots[^1][name]).all().item<bool>(), $"{name} is still the last epoch's");
        }

        // The validation split is the last 20 % before shuffling; the restored model scores the best epoch's val_loss on it.
        var (restoredValLoss, _) = model.Evaluate(xTrain.narrow(0, 4800, 1200), yTrain.narrow(0, 4800, 1200), verbose: 0);
        Assert.Equal(valLoss[best], restoredValLoss, 4);
        snapshots.ForEach(s => s.Dispose());
    }

    private static ((Tensor, Tensor), (Tensor, Tensor)) Scaled(DatasetSplits data)
    {
        var ((xTrain, yTrain), (xTest, yTest)) = data;
        return ((xTrain.to_type(ScalarType.Float32).div_(255f), yTrain), (xTest.to_type(ScalarType.Float32).div_(255f), yTest));
    }
}
