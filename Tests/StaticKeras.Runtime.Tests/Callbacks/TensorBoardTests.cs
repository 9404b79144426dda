using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Callbacks.TensorBoardFormat;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Callbacks;

public sealed class TensorBoardTests : IDisposable
{
    private readonly string _logDir = Path.Combine(Path.GetTempPath(), "sk-tensorboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_logDir))
        {
            Directory.Delete(_logDir, recursive: true);
        }
    }

    [Fact]
    public void FitWritesKerasEpochScalarsLearningRateAndValidationToTheirRuns()
    {
        manual_seed(3);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(100, seed: 4);
        var board = new TensorBoard(_logDir);
        var history = model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, validationSplit: 0.2, callbacks: [board]);

        var train = Scalars(Single("train"));
        Assert.Equal(["epoch_accuracy", "epoch_learning_rate", "epoch_loss"], train.Keys.Order());
        Assert.Equal(history.Logs["loss"].Select(v => (float)v), train["epoch_loss"].Select(s => s.Value));
        Assert.Equal([0L, 1L], train["epoch_loss"].Select(s => s.Step));
        Assert.Equal(history.Logs["accuracy"].Select(v => (float)v), train["epoch_accuracy"].Select(s => s.Value));
        Assert.All(train["epoch_learning_rate"], s => Assert.Equal(0.001f, s.Value));

        var validation = Scalars(Single("validation"));
        Assert.Equal(["epoch_accuracy", "epoch_loss", "evaluation_accuracy_vs_iterations", "evaluation_loss_vs_iterations"], validation.Keys.Order());
        Assert.Equal(history.Logs["val_loss"].Select(v => (float)v), validation["epoch_loss"].Select(s => s.Value));
        // 80 training samples in batches of 16: 5 steps per epoch, so validation runs after 5 and 10 steps
        Assert.Equal([5L, 10L], validation["evaluation_loss_vs_iterations"].Select(s => s.Step));
        Assert.Equal(validation["epoch_loss"].Select(s => s.Value), validation["evaluation_loss_vs_iterations"].Select(s => s.Value));
        Assert.Null(board.TrainFile);   // closed at the end of training
    }

    [Fact]
    public void BatchScalarsEveryNBatchesAndWeightHistogramsEveryNEpochs()
    {
        manual_seed(5);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(80, seed: 6);
        model.Fit(x, y, epochs: 3, batchSize: 16, verbose: 0, callbacks: [new TensorBoard(_logDir, histogramFreq: 2, updateFreq: 2)]);

        var events = EventFileReader.Read(Single("train"));
        var scalars = Scalars(Single("train"));
        // 5 batches per epoch, 15 in all, numbered from 1 across epochs: every second one is written
        Assert.Equal([2L, 4, 6, 8, 10, 12, 14], scalars["batch_loss"].Select(s => s.Step));
        Assert.Equal([2L, 4, 6, 8, 10, 12, 14], scalars["batch_accuracy"].Select(s => s.Step));

        var histograms = events.SelectMany(e => e.Values.Where(v => v.Histogram is not null).Select(v => (e.Step, v.Tag, v.Histogram!))).ToList();
        Assert.Equal(["hidden/kernel/histogram", "hidden/bias/histogram", "output/kernel/histogram", "output/bias/histogram"],
            histograms.Where(h => h.Step == 0).Select(h => h.Tag));
        Assert.Equal([0L, 2L], histograms.Select(h => h.Step).Distinct());   // epochs 0 and 2 of 0..2
        var kernel = histograms.Last(h => h.Tag == "hidden/kernel/histogram").Item3;
        var weights = model.state_dict()["hidden.kernel"].data<float>().ToArray();
        Assert.Equal(weights.Length, kernel.Count);
        Assert.Equal(weights.Min(), kernel.Min, 6);
        Assert.Equal(weights.Max(), kernel.Max, 6);
        Assert.Equal(weights.Sum(w => (double)w), kernel.Sum, 4);
        Assert.Equal(kernel.Count, kernel.BucketCounts.Sum());
    }

    [Fact]
    public void ALearningRateInTheLogsIsWrittenOnceAndNoValidationRunWithoutValidation()
    {
        var board = new CallbackHarness<TensorBoard>(new TensorBoard(_logDir)).Callback;
        board.OnTrainBegin(new Dictionary<string, double>());
        board.OnEpochEnd(0, CallbackHarness<TensorBoard>.Logs(("loss", 0.5), ("learning_rate", 0.01)));
        board.OnTrainEnd(new Dictionary<string, double>());

        var scalars = Scalars(Single("train"));
        Assert.Equal(["epoch_learning_rate", "epoch_loss"], scalars.Keys.Order());
        Assert.Equal(0.01f, Assert.Single(scalars["epoch_learning_rate"]).Value);   // the logged value, once
        Assert.False(Directory.Exists(Path.Combine(_logDir, "validation")));
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorBoard(_logDir, histogramFreq: -1));
        Assert.Throws<ArgumentException>(() => new TensorBoard(""));
        var error = Assert.Throws<InvalidOperationException>(() => new TensorBoard(_logDir).OnEpochEnd(0, new Dictionary<string, double>()));
        Assert.Contains("before OnTrainBegin", error.Message);
    }

    private string Single(string run) => Assert.Single(Directory.GetFiles(Path.Combine(_logDir, run), "events.out.tfevents.*"));

    private static Dictionary<string, List<(long Step, float Value)>> Scalars(string path)
    {
        var scalars = new Dictionary<string, List<(long, float)>>();
        foreach (var e in EventFileReader.Read(path))
        {
            foreach (var value in e.Values.Where(v => v.Scalar is not null))
            {
                if (!scalars.TryGetValue(value.Tag, out var list))
                {
                    scalars[value.Tag] = list = [];
                }

                list.Add((e.Step, value.Scalar!.Value));
            }
        }

        return scalars;
    }
}
