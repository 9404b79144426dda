using System;
using System.Globalization;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

public sealed class FitWithCallbacksLoggingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fitx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ValidationFreqValidatesOnlyEveryNthOneBasedEpoch()
    {
        manual_seed(1);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(40, 8, 3, seed: 2);
        var validatedAfter = new System.Collections.Generic.List<int>();
        var probe = new LambdaCallback(onEpochEnd: (epoch, logs) =>
        {
            if (logs.ContainsKey("val_loss"))
            {
                validatedAfter.Add(epoch);
            }
        });

        var history = model.Fit(x, y, epochs: 5, batchSize: 8, verbose: 0, validationSplit: 0.25, validationFreq: 2, callbacks: [probe]);

        Assert.Equal([1, 3], validatedAfter);   // epochs 2 and 4, one-based
        Assert.Equal(5, history.Logs["loss"].Count);
        Assert.Equal(2, history.Logs["val_loss"].Count);
        Assert.Equal(2, history.Logs["val_accuracy"].Count);
    }

    [Fact]
    public void ValidationFreqListValidatesAfterTheListedEpochs()
    {
        manual_seed(1);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(40, 8, 3, seed: 2);
        var (xVal, yVal) = NoisyData.Make(10, 8, 3, seed: 3);
        var history = model.Fit(x, y, epochs: 5, batchSize: 8, verbose: 0, validationData: (xVal, yVal), validationFreq: new[] { 1, 5 });
        Assert.Equal(2, history.Logs["val_loss"].Count);
    }

    [Fact]
    public void CsvLoggerWritesOneRowPerEpochWithNaWhereNoValidationRan()
    {
        manual_seed(4);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(40, 8, 3, seed: 5);
        var path = Path.Combine(_directory, "log.csv");

        var history = model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0, validationSplit: 0.25, validationFreq: 2,
            callbacks: [new CSVLogger(path)]);

        var lines = File.ReadAllLines(path);
        Assert.Equal("epoch,accuracy,loss,val_accuracy,val_loss", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal($"0,{R(history.Logs["accuracy"][0])},{R(history.Logs["loss"][0])},NA,NA", lines[1]);
        Assert.Equal($"1,{R(history.Logs["accuracy"][1])},{R(history.Logs["loss"][1])},{R(history.Logs["val_accuracy"][0])},{R(history.Logs["val_loss"][0])}", lines[2]);
        Assert.StartsWith("2,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",NA,NA", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void ModelCheckpointSavesTheBestEpochWhichLoadWeightsRestores()
    {
        manual_seed(7);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(60, 8, 3, seed: 11);
        var path = Path.Combine(_directory, "best.weights.safetensors");
        var snapshots = new System.Collections.Generic.List<global::StaticKeras.Saving.WeightSnapshot>();
        var capture = new LambdaCallback(onEpochEnd: (_, _) => snapshots.Add(model.GetWeights()));

        var history = model.Fit(x, y, epochs: 12, batchSize: 16, verbose: 0, validationSplit: 0.2,
            callbacks: [new ModelCheckpoint(path, monitor: "val_loss", saveBestOnly: true, saveWeightsOnly: true), capture]);

        var valLoss = history.Logs["val_loss"];
        var best = Enumerable.Range(0, valLoss.Count).MinBy(e => valLoss[e]);
        Assert.NotEqual(valLoss.Count - 1, best);   // the premise: the last epoch is not the best

        var restored = new OverfittingMlp();
        restored.LoadWeights(path);
        using var loaded = restored.GetWeights();
        foreach (var (name, tensor) in loaded)
        {
            Assert.True(tensor.equal(snapshots[best][name]).all().item<bool>(), $"{name} is not epoch {best + 1}'s");
        }

        snapshots.ForEach(s => s.Dispose());
    }

    private static string R(double value) => global::StaticKeras.Callbacks.Formatting.PythonFloat.Repr(value);
}
