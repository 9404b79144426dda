using StaticKeras.Data;
using StaticKerasApp;
using static TorchSharp.torch;

// Trains MnistMlp (MnistMlp.cs) on Fashion-MNIST and prints the test accuracy.
//   dotnet run -- [--epochs N] [--data DIR]
// Without --data, Fashion-MNIST is looked up in $STATICKERAS_DATASETS, ~/.staticKeras/datasets and
// /usr/share/datasets/fashion-mnist, then downloaded (with MD5 checks) into ~/.staticKeras/datasets.
var epochs = 5;
string? dataDirectory = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--epochs": epochs = int.Parse(args[i + 1]); break;
        case "--data": dataDirectory = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}; usage: [--epochs N] [--data DIR]"); return 2;
    }
}

var data = FashionMnist.LoadData(dataDirectory);
var (xTrain, yTrain) = data.Train;
var (xTest, yTest) = data.Test;
Console.WriteLine($"Fashion-MNIST from {data.Source}: {xTrain.shape[0]} training and {xTest.shape[0]} test images");

// Pixels to floats in [0, 1], as Keras' examples do with x / 255.0.
xTrain = xTrain.to_type(ScalarType.Float32).div(255f);
xTest = xTest.to_type(ScalarType.Float32).div(255f);

random.manual_seed(42);
using var model = new MnistMlp();
model.Summary();
model.Fit(xTrain, yTrain, epochs: epochs, batchSize: 32, verbose: 2);
var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);
Console.WriteLine(FormattableString.Invariant($"test_loss={loss:F4} test_accuracy={accuracy:F4}"));
return 0;
