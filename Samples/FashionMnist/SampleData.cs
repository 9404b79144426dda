using System;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace Samples.FashionMnist;

/// <summary>Fashion-MNIST as the sample trains on it, and a line saying where it came from.</summary>
internal sealed record SampleData(Tensor TrainImages, Tensor TrainLabels, Tensor TestImages, Tensor TestLabels, string Description)
{
    /// <summary>
    /// Loads Fashion-MNIST from <paramref name="directory"/>, or else wherever
    /// <see cref="StaticKeras.Data.FashionMnist.LoadData"/> finds it (the system package, the user
    /// cache, a download, or the subset the repository bundles); keeps the first
    /// <paramref name="limit"/> training images when given.
    /// </summary>
    public static SampleData Load(string? directory, int? limit)
    {
        var splits = StaticKeras.Data.FashionMnist.LoadData(directory);
        var (xTrain, yTrain) = splits.Train;
        if (limit is { } n && n < xTrain.shape[0])
        {
            xTrain = xTrain.narrow(0, 0, n);
            yTrain = yTrain.narrow(0, 0, n);
        }

        var (xTest, yTest) = splits.Test;
        var description = FormattableString.Invariant(
            $"Fashion-MNIST from {splits.Source}: {xTrain.shape[0]:N0} training and {xTest.shape[0]:N0} test images");
        return new SampleData(xTrain, yTrain, xTest, yTest, description);
    }
}
