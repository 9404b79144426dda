using System;
using System.Linq;
using Samples.FashionMnist;
using static TorchSharp.torch;

// Trains one of the seed models on Fashion-MNIST, Keras-style: summary, progress bar, test metrics.
// The last line is always `test_loss=<number> test_accuracy=<number>`.
const string usage = "usage: dotnet run --project Samples/FashionMnist -c Release -- [--model NAME] " + SampleOptions.CommonUsage + " [--save DIR]";
return SampleOptions.Run(args, usage + "\nmodels: " + string.Join(", ", ModelCatalog.All.Select(m => m.Name)), acceptsModel: true, options =>
{
    var sample = ModelCatalog.Find(options.Model ?? "mlp");
    var data = SampleData.Load(options.DataDirectory, options.Limit);
    Console.WriteLine($"Data: {data.Description}");
    Console.WriteLine($"Model: {sample.Name} ({sample.Description})");

    var batchSize = options.BatchSize ?? 32;
    var xTrain = sample.PrepareImages(data.TrainImages);
    var xTest = sample.PrepareImages(data.TestImages);
    random.manual_seed(42);
    var model = sample.Create();
    model.Summary();
    model.Fit(xTrain, data.TrainLabels, epochs: options.Epochs ?? sample.DefaultEpochs, batchSize: batchSize,
        validationSplit: sample.ValidationSplit, callbacks: sample.Callbacks?.Invoke(), verbose: options.Verbose);
    var (loss, accuracy) = model.Evaluate(xTest, data.TestLabels, batchSize: batchSize, verbose: 0);
    if (options.SaveDirectory is { } saveDirectory)
    {
        SampleSaving.SaveAll(sample, model, xTest, saveDirectory);
    }

    Console.WriteLine(FormattableString.Invariant($"test_loss={loss:F4} test_accuracy={accuracy:F4}"));
    return 0;
}, validate: options => ModelCatalog.Find(options.Model ?? "mlp"));
