using System;
using System.IO;
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
        var splits = LoadSplits(directory);
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

    // The full data set when it is anywhere the loader looks (or can be downloaded); otherwise the
    // real subset the repository bundles, so the sample runs offline on a bare machine.
    private static DatasetSplits LoadSplits(string? directory)
    {
        try
        {
            return StaticKeras.Data.FashionMnist.LoadData(directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException
            && directory is null && StaticKeras.Data.FashionMnist.BundledSubsetDirectory is { } subset)
        {
            Console.Error.WriteLine($"warning: full Fashion-MNIST is not available ({e.Message}); using the bundled subset instead");
            return StaticKeras.Data.FashionMnist.LoadData(subset);
        }
    }
}
