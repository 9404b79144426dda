using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence): 70,000 28x28 grayscale images of 10 kinds of
/// clothing, 60,000 for training and 10,000 for testing, as Keras' <c>keras.datasets.fashion_mnist</c>.
/// </summary>
public static class FashionMnist
{
    internal static MnistFormatSpec Spec { get; } = new(
        Name: "Fashion-MNIST",
        Folder: "fashion-mnist",
        SystemDirectory: "/usr/share/datasets/fashion-mnist",
        SystemPackage: "dataset-fashion-mnist",
        // Keras' mirror (https) first, then Zalando's own site; the checksums are Zalando's.
        Mirrors: [new Uri("https://storage.googleapis.com/tensorflow/tf-keras-datasets/"), new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        TrainImages: new("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        TrainLabels: new("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
        TestImages: new("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"));

    /// <summary>The names of the 10 classes, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// The real subset the repository's samples and tests carry (the first 6,000 training and 1,000
    /// test images), copied next to the running program as datasets/fashion-mnist-subset; null when absent.
    /// </summary>
    public static string? BundledSubsetDirectory
    {
        get
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-subset");
            return Spec.Files.All(file => file.FindIn(directory) != null) ? directory : null;
        }
    }

    /// <summary>
    /// Loads Fashion-MNIST as Keras' <c>fashion_mnist.load_data()</c>: images uint8 (count, 28, 28),
    /// labels int64 (count,). Without a directory it looks in STATICKERAS_DATASETS,
    /// ~/.staticKeras/datasets/fashion-mnist and /usr/share/datasets/fashion-mnist (Debian's
    /// dataset-fashion-mnist), then downloads the four files into the user cache, verifying their
    /// MD5 checksums. <see cref="DatasetSplits.Source"/> tells which directory was used.
    /// </summary>
    /// <param name="directory">A directory holding the four files (.gz or decompressed); null to search.</param>
    /// <exception cref="FileNotFoundException">The given directory lacks a file.</exception>
    /// <exception cref="IOException">The data set was not found and could not be downloaded.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid IDX file, or the files do not fit together.</exception>
    public static DatasetSplits LoadData(string? directory = null) =>
        MnistFormatDataset.Load(Spec, DatasetLocator.For(Spec, BundledSubsetDirectory).Locate(directory));

    /// <summary>
    /// Finds Fashion-MNIST as <see cref="LoadData"/> does, but reads nothing yet: each split is a
    /// <see cref="Dataset{T}"/> that streams its images from the files on every pass
    /// (<see cref="IdxDataset"/>), for training from disk with <see cref="Dataset{T}.Shuffle"/>,
    /// <see cref="Dataset{T}.Batch"/> and <see cref="ImageBatch.ToTensors"/>.
    /// </summary>
    /// <param name="directory">A directory holding the four files (.gz or decompressed); null to search.</param>
    /// <exception cref="FileNotFoundException">The given directory lacks a file.</exception>
    /// <exception cref="IOException">The data set was not found and could not be downloaded.</exception>
    /// <exception cref="InvalidDataException">A file's header is not the expected IDX images or labels, or the counts differ.</exception>
    public static StreamingSplits Stream(string? directory = null)
    {
        var source = DatasetLocator.For(Spec, BundledSubsetDirectory).Locate(directory);
        string PathOf(DatasetFile file) => file.FindIn(source.Directory)
            ?? throw new FileNotFoundException($"{source.Directory} has no {file.Name} (or its decompressed form).");
        return new StreamingSplits(
            IdxDataset.Open(PathOf(Spec.TrainImages), PathOf(Spec.TrainLabels)),
            IdxDataset.Open(PathOf(Spec.TestImages), PathOf(Spec.TestLabels)),
            source);
    }

    /// <summary>
    /// Finds Fashion-MNIST as <see cref="LoadData"/> does and opens each split for reading images by
    /// index (<see cref="IdxImageSet"/>): the files are mapped into memory, not loaded, and a shuffle of
    /// <see cref="Dataset.Range"/> over them reads batches straight into tensors. Gzip files (as
    /// published) are decompressed once into <paramref name="decompressDirectory"/> (about 55 MB).
    /// </summary>
    /// <param name="directory">A directory holding the four files (.gz or decompressed); null to search.</param>
    /// <param name="decompressDirectory">Where plain copies of gzip files go; null for the system's temporary directory.</param>
    /// <exception cref="FileNotFoundException">The given directory lacks a file.</exception>
    /// <exception cref="IOException">The data set was not found and could not be downloaded.</exception>
    /// <exception cref="InvalidDataException">A file is not the expected IDX images or labels, or the counts differ.</exception>
    public static ImageSetSplits OpenImageSets(string? directory = null, string? decompressDirectory = null)
    {
        var source = DatasetLocator.For(Spec, BundledSubsetDirectory).Locate(directory);
        string PathOf(DatasetFile file) => file.FindIn(source.Directory)
            ?? throw new FileNotFoundException($"{source.Directory} has no {file.Name} (or its decompressed form).");
        var train = IdxImageSet.Open(PathOf(Spec.TrainImages), PathOf(Spec.TrainLabels), decompressDirectory);
        try
        {
            return new ImageSetSplits(train, IdxImageSet.Open(PathOf(Spec.TestImages), PathOf(Spec.TestLabels), decompressDirectory), source);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }
}
