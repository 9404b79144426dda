using System;
using System.Collections.Generic;
using System.Linq;
using Samples.FashionMnist;
using StaticKeras.Callbacks;
using StaticKeras.Plotting;
using static TorchSharp.torch;

// Trains one of the seed models on Fashion-MNIST, Keras-style: summary, progress bar, test metrics.
// --stream reads the images from disk batch by batch instead of loading them; --tensorboard and
// --plot record the run. The last line is always `test_loss=<number> test_accuracy=<number>`.
const string usage = "usage: dotnet run --project Samples/FashionMnist -c Release -- [--model NAME] " + SampleOptions.CommonUsage +
    " [--save DIR] " + SampleOptions.WatchingUsage;
return SampleOptions.Run(args, usage + "\nmodels: " + string.Join(", ", ModelCatalog.All.Select(m => m.Name)), acceptsModel: true, options =>
{
    var sample = ModelCatalog.Find(options.Model ?? "mlp");
    var batchSize = options.BatchSize ?? 32;
    var epochs = options.Epochs ?? sample.DefaultEpochs;
    var callbacks = new List<Callback>(sample.Callbacks?.Invoke() ?? []);
    if (options.TensorBoardDirectory is { } logDir)
    {
        callbacks.Add(new TensorBoard(logDir, histogramFreq: 1));
    }

    History history;
    double loss, accuracy;
    if (options.Stream)
    {
        using var data = StreamingData.Open(options.DataDirectory, options.Limit, batchSize, sample.ValidationSplit, sample.ChannelAxis, seed: 42);
        Console.WriteLine($"Data: {data.Description}");
        Console.WriteLine($"Model: {sample.Name} ({sample.Description})");
        random.manual_seed(42);
        var model = sample.Create();
        model.Summary();
        history = model.Fit(data.Train, epochs: epochs, validationData: data.Validation, callbacks: callbacks, verbose: options.Verbose);
        (loss, accuracy) = model.Evaluate(data.Test, verbose: 0);
    }
    else
    {
        var data = SampleData.Load(options.DataDirectory, options.Limit);
        Console.WriteLine($"Data: {data.Description}");
        Console.WriteLine($"Model: {sample.Name} ({sample.Description})");
        var xTrain = sample.PrepareImages(data.TrainImages);
        var xTest = sample.PrepareImages(data.TestImages);
        random.manual_seed(42);
        var model = sample.Create();
        model.Summary();
        history = model.Fit(xTrain, data.TrainLabels, epochs: epochs, batchSize: batchSize,
            validationSplit: sample.ValidationSplit, callbacks: callbacks, verbose: options.Verbose);
        (loss, accuracy) = model.Evaluate(xTest, data.TestLabels, batchSize: batchSize, verbose: 0);
        if (options.SaveDirectory is { } saveDirectory)
        {
            SampleSaving.SaveAll(sample, model, xTest, saveDirectory);
        }
    }

    if (options.PlotFile is { } plot)
    {
        history.SavePlot(plot);
        Console.WriteLine($"Plot: {plot}");
    }

    if (options.TensorBoardDirectory is { } dir)
    {
        Console.WriteLine($"TensorBoard: tensorboard --logdir {dir}");
    }

    Console.WriteLine(FormattableString.Invariant($"test_loss={loss:F4} test_accuracy={accuracy:F4}"));
    return 0;
}, validate: options =>
{
    ModelCatalog.Find(options.Model ?? "mlp");
    if (options.Stream && options.SaveDirectory is not null)
    {
        throw new ArgumentException("--save needs the in-memory test images: leave out --stream");
    }
});
