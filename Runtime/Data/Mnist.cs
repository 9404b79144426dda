using System;
using System.IO;

namespace StaticKeras.Data;

/// <summary>
/// MNIST (Yann LeCun, Corinna Cortes, Christopher J.C. Burges): 70,000 28x28 grayscale images of
/// handwritten digits, 60,000 for training and 10,000 for testing, in the original IDX files.
/// </summary>
public static class Mnist
{
    internal static MnistFormatSpec Spec { get; } = new(
        Name: "MNIST",
        Folder: "mnist",
        SystemDirectory: null,
        SystemPackage: null,
        // PyTorch's mirror (https) first, then the original site; the checksums are those torchvision verifies.
        Mirrors: [new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"), new Uri("http://yann.lecun.com/exdb/mnist/")],
        TrainImages: new("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        TrainLabels: new("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
        TestImages: new("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"));

    /// <summary>
    /// Loads MNIST: images uint8 (count, 28, 28), labels int64 (count,). Without a directory it looks in
    /// STATICKERAS_DATASETS and ~/.staticKeras/datasets/mnist, then downloads the four IDX files into
    /// the user cache, verifying their MD5 checksums. <see cref="DatasetSplits.Source"/> tells which
    /// directory was used.
    /// </summary>
    /// <param name="directory">A directory holding the four files (.gz or decompressed); null to search.</param>
    /// <exception cref="FileNotFoundException">The given directory lacks a file.</exception>
    /// <exception cref="IOException">The data set was not found and could not be downloaded.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid IDX file, or the files do not fit together.</exception>
    public static DatasetSplits LoadData(string? directory = null) =>
        MnistFormatDataset.Load(Spec, DatasetLocator.For(Spec).Locate(directory));
}
