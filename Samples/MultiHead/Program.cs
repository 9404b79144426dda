using System;
using System.Linq;
using Samples.FashionMnist;
using Samples.MultiHead.Models;
using static TorchSharp.torch;

// Trains a two-input, two-output functional model on Fashion-MNIST: the image and its four
// quadrant brightnesses in, the class and the mean pixel intensity out. Usage:
//   dotnet run --project Samples/MultiHead -c Release -- [--epochs N (default 3)] [--batch-size N (default 64)] [--data DIR] [--limit N] [--verbose 0|1|2]
const string usage = "usage: dotnet run --project Samples/MultiHead -c Release -- " + SampleOptions.CommonUsage;
return SampleOptions.Run(args, usage, acceptsModel: false, options =>
{
    var data = SampleData.Load(options.DataDirectory, options.Limit);
    Console.WriteLine($"Data: {data.Description}");

    var (xTrain, yTrain) = Prepare(data.TrainImages, data.TrainLabels);
    var (xTest, yTest) = Prepare(data.TestImages, data.TestLabels);
    random.manual_seed(42);
    using var model = new TwoHeadCnn();
    model.Summary();
    var history = model.Fit(xTrain, yTrain, epochs: options.Epochs ?? 3, batchSize: options.BatchSize ?? 64, validationSplit: 0.1, verbose: options.Verbose ?? 2);
    Console.WriteLine("History keys: " + string.Join(", ", history.Logs.Keys));

    var results = model.Evaluate(xTest, yTest, batchSize: options.BatchSize ?? 64, verbose: 0);
    Console.WriteLine("test: " + string.Join(" ", results.Select(p => FormattableString.Invariant($"{p.Key}={p.Value:F4}"))));
    var predicted = model.Predict(new TwoHeadCnn.Inputs(xTest.Image.narrow(0, 0, 5), xTest.Quadrants.narrow(0, 0, 5)));
    for (var i = 0; i < 5; i++)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"sample {i}: class {predicted.Cls[i].argmax().item<long>()} (true {yTest.Cls[i].item<long>()}), intensity {predicted.Value[i, 0].item<float>():F3} (true {yTest.Value[i, 0].item<float>():F3})"));
    }
    return 0;
});

// Pixels scaled to [0, 1] with a channel axis; the features are the mean brightness of each
// quadrant; the targets are the label and the whole image's mean brightness.
static (TwoHeadCnn.Inputs X, TwoHeadCnn.Targets Y) Prepare(Tensor images, Tensor labels)
{
    var image = images.to_type(ScalarType.Float32).div(255f).unsqueeze(-1);
    var quadrants = stack(
        [
            image[.., ..14, ..14].mean([1, 2, 3]), image[.., ..14, 14..].mean([1, 2, 3]),
            image[.., 14.., ..14].mean([1, 2, 3]), image[.., 14.., 14..].mean([1, 2, 3]),
        ], 1);
    return (new(image, quadrants), new(labels.to_type(ScalarType.Int64), image.mean([1, 2, 3]).unsqueeze(1)));
}
