using System;
using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary>
/// A data set published as four IDX files (training and test images and labels), as MNIST and
/// Fashion-MNIST are: where it is looked for and where it is downloaded from.
/// </summary>
/// <param name="Name">The data set's name in messages, e.g. Fashion-MNIST.</param>
/// <param name="Folder">Its folder under a datasets directory, e.g. fashion-mnist.</param>
/// <param name="SystemDirectory">Where an operating-system package installs it, if one does.</param>
/// <param name="SystemPackage">That package's name, for messages.</param>
/// <param name="Mirrors">Base URLs to download from, tried in order.</param>
/// <param name="TrainImages">The training images file.</param>
/// <param name="TrainLabels">The training labels file.</param>
/// <param name="TestImages">The test images file.</param>
/// <param name="TestLabels">The test labels file.</param>
/// <param name="Classes">The number of classes; labels lie in [0, Classes).</param>
internal sealed record MnistFormatSpec(
    string Name,
    string Folder,
    string? SystemDirectory,
    string? SystemPackage,
    IReadOnlyList<Uri> Mirrors,
    DatasetFile TrainImages,
    DatasetFile TrainLabels,
    DatasetFile TestImages,
    DatasetFile TestLabels,
    int Classes = 10)
{
    /// <summary>The four files, in download order.</summary>
    public IReadOnlyList<DatasetFile> Files => [TrainImages, TrainLabels, TestImages, TestLabels];
}
