using System;
using System.Collections.Generic;
using Samples.FashionMnist;
using StaticKeras.Callbacks;
using StaticKeras.Plotting;
using static TorchSharp.torch;

// Trains one of the seed models on Fashion-MNIST, Keras-style: summary, progress bar, test metrics.
// The last line is always `test_loss=<number> test_accuracy=<number>`.
try
{
    var options = SampleOptions.Parse(args);
    var sample = ModelCatalog.Find(options.Model);
    var callbacks = new List<Callback>(sample.Callbacks?.Invoke() ?? []);
    if (options.TensorBoardDirectory is { } logDir)
    {
        callbacks.Add(new TensorBoard(logDir, histogramFreq: 1));
    }

    var epochs = options.Epochs ?? sample.DefaultEpochs;
    History history;
    double loss, accuracy;
    if (options.Stream)
    {
        var data = StreamingData.Open(options.DataDirectory, options.Limit, options.BatchSize, sample.ValidationSplit, sample.ChannelAxis, seed: 42);
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
        history = model.Fit(xTrain, data.TrainLabels, epochs: epochs, batchSize: options.BatchSize,
            validationSplit: sample.ValidationSplit, callbacks: callbacks, verbose: options.Verbose);
        (loss, accuracy) = model.Evaluate(xTest, data.TestLabels, batchSize: options.BatchSize, verbose: 0);
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
}
catch (HelpRequested)
{
    Console.WriteLine(SampleOptions.Usage);
    Console.WriteLine("models: " + string.Join(", ", System.Linq.Enumerable.Select(ModelCatalog.All, m => m.Name)));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}
