using System;
using Samples.FashionMnist;
using static TorchSharp.torch;

// Trains one of the seed models on Fashion-MNIST, Keras-style: summary, progress bar, test metrics.
// The last line is always `test_loss=<number> test_accuracy=<number>`.
try
{
    var options = SampleOptions.Parse(args);
    var sample = ModelCatalog.Find(options.Model);
    var data = SampleData.Load(options.DataDirectory, options.Limit);
    Console.WriteLine($"Data: {data.Description}");
    Console.WriteLine($"Model: {sample.Name} ({sample.Description})");

    var xTrain = sample.PrepareImages(data.TrainImages);
    var xTest = sample.PrepareImages(data.TestImages);
    random.manual_seed(42);
    var model = sample.Create();
    model.Summary();
    model.Fit(xTrain, data.TrainLabels, epochs: options.Epochs ?? sample.DefaultEpochs, batchSize: options.BatchSize,
        validationSplit: sample.ValidationSplit, callbacks: sample.Callbacks?.Invoke(), verbose: options.Verbose);
    var (loss, accuracy) = model.Evaluate(xTest, data.TestLabels, batchSize: options.BatchSize, verbose: 0);
    if (options.SaveDirectory is { } saveDirectory)
    {
        SampleSaving.SaveAll(sample, model, xTest, saveDirectory);
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
