using System;
using System.Globalization;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace Samples.Serving;

/// <summary>
/// <c>train [PATH] [EPOCHS]</c>: trains the served model on the Fashion-MNIST subset bundled with the
/// repository (offline, under a minute) and saves its weights where the service loads them.
/// </summary>
public static class TrainCommand
{
    /// <summary>Trains, evaluates, saves; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : "fashion-mlp.safetensors";
        var epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        if (FashionMnist.BundledSubsetDirectory is not { } subset)
        {
            Console.Error.WriteLine("The bundled Fashion-MNIST subset is missing from the build output (datasets/fashion-mnist-subset).");
            return 1;
        }

        var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData(subset);
        using var scope = NewDisposeScope();
        manual_seed(42);
        using var model = new FashionMlp();
        model.Fit(xTrain.to_type(ScalarType.Float32).div_(255f), yTrain, epochs: epochs, batchSize: 32, verbose: 2);
        var (loss, accuracy) = model.Evaluate(xTest.to_type(ScalarType.Float32).div_(255f), yTest, verbose: 0);
        model.SaveWeights(path);
        Console.WriteLine(FormattableString.Invariant(
            $"test_loss={loss:F4} test_accuracy={accuracy:F4} on {xTest.shape[0]:N0} bundled test images; weights saved to {System.IO.Path.GetFullPath(path)}"));
        return 0;
    }
}
