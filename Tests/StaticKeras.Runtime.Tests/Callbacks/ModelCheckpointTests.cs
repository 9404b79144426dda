using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Saving;
using StaticKeras.Saving;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.ModelCheckpoint>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>ModelCheckpoint: file names from templates, when it saves, what it prints.</summary>
public sealed class ModelCheckpointTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static long SavedEpoch(string path)
    {
        using var model = new TinyModel();
        model.LoadWeights(path);
        return model.Steps.item<long>();
    }

    [Fact]
    public void FillsTheTemplateFromEpochAndLogsAndCreatesTheDirectory()
    {
        var template = Path.Combine(_dir.Path, "ckpt", "{epoch:02d}-{val_loss:.2f}.weights.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(template, verbose: 1, saveWeightsOnly: true));

        h.Train("val_loss", 0.5, 0.256, 0.125);

        Assert.Equal(new[] { "ckpt/01-0.50.weights.safetensors", "ckpt/02-0.26.weights.safetensors", "ckpt/03-0.12.weights.safetensors" }, _dir.Listing());
        Assert.Equal(1, SavedEpoch(_dir.File("ckpt/02-0.26.weights.safetensors")));
        Assert.Equal(
            $"\nEpoch 1: saving model to {_dir.File("ckpt/01-0.50.weights.safetensors")}\n" +
            $"\nEpoch 2: saving model to {_dir.File("ckpt/02-0.26.weights.safetensors")}\n" +
            $"\nEpoch 3: saving model to {_dir.File("ckpt/03-0.12.weights.safetensors")}\n",
            h.Output.ToString());
    }

    [Fact]
    public void SaveBestOnlyKeepsTheBestAndPrintsEachDecision()
    {
        var path = _dir.File("best.weights.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(path, verbose: 1, saveBestOnly: true, saveWeightsOnly: true));

        h.Train("val_loss", 0.5, 0.6, 0.4, 0.4);

        Assert.Equal(2, SavedEpoch(path));
        Assert.Equal(
            $"\nEpoch 1: val_loss improved from None to 0.50000, saving model to {path}\n" +
            "\nEpoch 2: val_loss did not improve from 0.50000\n" +
            $"\nEpoch 3: val_loss improved from 0.50000 to 0.40000, saving model to {path}\n" +
            "\nEpoch 4: val_loss did not improve from 0.40000\n",
            h.Output.ToString());
    }

    [Fact]
    public void InitialValueThresholdMustBeBeatenFirst()
    {
        var path = _dir.File("best.weights.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(path, verbose: 1, saveBestOnly: true, saveWeightsOnly: true, initialValueThreshold: 0.45));

        h.Train("val_loss", 0.5);
        Assert.Empty(_dir.Listing());
        h.Train("val_loss", 0.44);

        Assert.Equal(
            "\nEpoch 1: val_loss did not improve from 0.45000\n" +
            $"\nEpoch 1: val_loss improved from 0.45000 to 0.44000, saving model to {path}\n",
            h.Output.ToString());
    }

    [Fact]
    public void AutoModeMaximisesACompiledAccuracy()
    {
        var path = _dir.File("acc-{epoch}.weights.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(
            new ModelCheckpoint(path, monitor: "val_accuracy", saveBestOnly: true, saveWeightsOnly: true),
            new TinyModel(metrics: Metric.Accuracy));

        h.Train("val_accuracy", 0.5, 0.4, 0.75);

        Assert.Equal(new[] { "acc-1.weights.safetensors", "acc-3.weights.safetensors" }, _dir.Listing());
    }

    [Fact]
    public void SaveBestOnlyWithoutTheMonitorWarnsAndSaves()
    {
        var path = _dir.File("w.weights.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(path, saveBestOnly: true, saveWeightsOnly: true));

        h.Train("accuracy", 0.5);

        Assert.Equal("UserWarning: Can save best model only with val_loss available.\n", h.Warnings.ToString());
        Assert.Equal(new[] { "w.weights.safetensors" }, _dir.Listing());
    }

    [Fact]
    public void SavesEveryNBatchesAcrossEpochs()
    {
        var path = _dir.File("b{batch}-e{epoch}.weights.safetensors");
        var callback = new ModelCheckpoint(path, saveWeightsOnly: true, saveFreq: 2);
        _ = new CallbackHarness<ModelCheckpoint>(callback);   // attaches the model
        var saved = new List<string[]>();
        callback.OnTrainBegin(Logs());
        foreach (var (epoch, batches) in new[] { (0, 5), (1, 3) })
        {
            callback.OnEpochBegin(epoch, Logs());
            for (var batch = 0; batch < batches; batch++)
            {
                callback.OnTrainBatchEnd(batch, Logs(("loss", 0.5)));
                saved.Add(_dir.Listing());
            }

            callback.OnEpochEnd(epoch, Logs(("loss", 0.5), ("val_loss", 0.5)));
        }

        Assert.Equal(new[] { 0, 1, 1, 2, 2, 3, 3, 4 }, saved.ConvertAll(l => l.Length));
        Assert.Equal(new[] { "b1-e2.weights.safetensors", "b2-e1.weights.safetensors", "b3-e2.weights.safetensors", "b4-e1.weights.safetensors" }, _dir.Listing());
    }

    [Fact]
    public void FullModelCheckpointAddsTheModelsDescription()
    {
        var path = _dir.File("model.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(path), new TinyModel(metrics: Metric.Accuracy));

        h.Train("val_loss", 0.5);

        using var file = SafeTensorsFile.Open(path);
        Assert.Equal(new Dictionary<string, string>
        {
            ["framework"] = "statickeras",
            ["model"] = "TinyModel",
            ["input"] = "(batch, 2)",
            ["output"] = "(batch, 3)",
            ["compile"] = "{\"optimizer\":\"Sgd\",\"loss\":\"MeanSquaredError\",\"metrics\":[\"Accuracy\"],\"from_logits\":false,\"learning_rate\":0}",
        }, file.Metadata);
        Assert.Equal(0, SavedEpoch(path));
    }

    [Fact]
    public void AnInterruptedCheckpointLeavesThePreviousBestLoadable()
    {
        var path = _dir.File("best.weights.safetensors");
        var callback = new ModelCheckpoint(path, saveBestOnly: true, saveWeightsOnly: true);
        var h = new CallbackHarness<ModelCheckpoint>(callback);
        callback.OnTrainBegin(Logs());
        h.Model.Fill(0);
        callback.OnEpochEnd(0, Logs(("val_loss", 0.5)));
        callback.WrapStream = s => new FailingStream(s, 120);
        h.Model.Fill(1);

        Assert.Throws<IOException>(() => callback.OnEpochEnd(1, Logs(("val_loss", 0.4))));

        Assert.Equal(new[] { "best.weights.safetensors" }, _dir.Listing());
        Assert.Equal(0, SavedEpoch(path));
    }

    [Fact]
    public void FilenamesMustNameTheCheckpointKind()
    {
        var weights = Assert.Throws<ArgumentException>(() => new ModelCheckpoint("w.h5", saveWeightsOnly: true));
        var model = Assert.Throws<ArgumentException>(() => new ModelCheckpoint("model.keras"));

        Assert.Equal(
            "When using `saveWeightsOnly: true` in `ModelCheckpoint`, the filepath provided must end in " +
            "`.weights.safetensors` (StaticKeras weights format). Received: filepath=w.h5 (Parameter 'filepath')",
            weights.Message);
        Assert.Equal(
            "The filepath provided must end in `.safetensors` (StaticKeras model format). Received: filepath=model.keras (Parameter 'filepath')",
            model.Message);
    }

    [Fact]
    public void TemplateNamingAMissingLogIsAKeyError()
    {
        var template = _dir.File("{epoch}-{val_acc:.2f}.safetensors");
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(template));

        var error = Assert.Throws<KeyNotFoundException>(() => h.Train("val_loss", 0.5));

        Assert.Equal($"Failed to format this callback filepath: \"{template}\". Reason: 'val_acc'", error.Message);
    }

    [Fact]
    public void ExistingDirectoryIsRefusedWithKerasMessage()
    {
        var path = _dir.File("taken.safetensors");
        Directory.CreateDirectory(path);
        var h = new CallbackHarness<ModelCheckpoint>(new ModelCheckpoint(path));

        var error = Assert.Throws<IOException>(() => h.Train("val_loss", 0.5));

        Assert.Equal($"Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an existing directory: {path}", error.Message);
    }

    [Fact]
    public void SaveFrequencyMustBePositive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint("m.safetensors", saveFreq: 0));

        Assert.StartsWith("Unrecognized save_freq: 0. Expected save_freq are SaveFrequency.Epoch or a positive number of batches", error.Message);
        Assert.True(new ModelCheckpoint("m.safetensors").SaveFreq.IsEpoch);
    }
}
