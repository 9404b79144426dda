using System.IO;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>Loads a data set of four IDX files and checks the splits fit together.</summary>
internal static class MnistFormatDataset
{
    /// <summary>Reads the splits from <paramref name="source"/>.</summary>
    public static DatasetSplits Load(MnistFormatSpec spec, DataSource source) =>
        new(Split(spec, source, spec.TrainImages, spec.TrainLabels), Split(spec, source, spec.TestImages, spec.TestLabels), source);

    private static (Tensor X, Tensor Y) Split(MnistFormatSpec spec, DataSource source, DatasetFile imagesFile, DatasetFile labelsFile)
    {
        var imagesPath = imagesFile.FindIn(source.Directory) ?? throw new FileNotFoundException($"{spec.Name}: {imagesFile.Name} is missing from {source.Directory}.");
        var labelsPath = labelsFile.FindIn(source.Directory) ?? throw new FileNotFoundException($"{spec.Name}: {labelsFile.Name} is missing from {source.Directory}.");
        var images = IdxFile.ReadImages(imagesPath);
        var labels = IdxFile.ReadLabels(labelsPath);
        if (images.shape[0] != labels.shape[0])
            throw new InvalidDataException($"{spec.Name}: {imagesPath} holds {images.shape[0]} images but {labelsPath} holds {labels.shape[0]} labels.");
        if (labels.numel() > 0)
        {
            using var min = labels.min();
            using var max = labels.max();
            if (min.item<long>() < 0 || max.item<long>() >= spec.Classes)
                throw new InvalidDataException($"{spec.Name}: {labelsPath} has labels from {min.item<long>()} to {max.item<long>()}; expected 0 to {spec.Classes - 1}.");
        }
        return (images, labels);
    }
}
