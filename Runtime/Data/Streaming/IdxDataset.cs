using System;
using System.Collections.Generic;
using System.IO;

namespace StaticKeras.Data;

/// <summary>
/// Streams an IDX image file and its label file (the MNIST format, plain or gzip) one image at a
/// time, so memory stays that of one image whatever the file's size. Each pass reopens the files
/// and reads them from the start. Both headers are read and checked when the dataset is opened.
/// </summary>
public static class IdxDataset
{
    /// <summary>Opens the pair; each element is one image with its label.</summary>
    /// <param name="imagesPath">An IDX file of unsigned bytes, dimensions (count, rows, columns).</param>
    /// <param name="labelsPath">An IDX file of unsigned bytes, dimensions (count,).</param>
    /// <exception cref="InvalidDataException">A file is not IDX of the expected type and rank, or the counts differ.</exception>
    public static Dataset<LabeledImage> Open(string imagesPath, string labelsPath)
    {
        var images = Header(imagesPath, 3, "images (count, rows, columns)");
        var labels = Header(labelsPath, 1, "labels (count,)");
        if (images[0] != labels[0])
        {
            throw new InvalidDataException($"{imagesPath} holds {images[0]} images but {labelsPath} holds {labels[0]} labels: they must be the same count.");
        }

        return new Dataset<LabeledImage>(_ => Read(imagesPath, labelsPath, images), images[0]);
    }

    private static long[] Header(string path, int rank, string what)
    {
        using var content = IdxReader.OpenContent(path);
        var (type, dimensions) = IdxReader.ReadHeader(content, path);
        if (type != IdxDataType.UnsignedByte || dimensions.Length != rank)
        {
            throw new InvalidDataException(
                $"{path}: expected IDX {what} of unsigned bytes; found {type} with dimensions ({string.Join(", ", dimensions)}).");
        }

        return dimensions;
    }

    private static IEnumerable<LabeledImage> Read(string imagesPath, string labelsPath, long[] dimensions)
    {
        using var images = IdxReader.OpenContent(imagesPath);
        using var labels = IdxReader.OpenContent(labelsPath);
        IdxReader.ReadHeader(images, imagesPath);
        IdxReader.ReadHeader(labels, labelsPath);
        var (rows, columns) = ((int)dimensions[1], (int)dimensions[2]);
        var label = new byte[1];
        for (var i = 0L; i < dimensions[0]; i++)
        {
            var pixels = IdxReader.ReadExactly(images, rows * columns, imagesPath, $"image {i}");
            if (labels.ReadAtLeast(label, 1, throwOnEndOfStream: false) < 1)
            {
                throw new InvalidDataException($"{labelsPath} is truncated: expected label {i} of {dimensions[0]}, found the end of the file.");
            }

            yield return new LabeledImage(pixels, rows, columns, label[0]);
        }
    }
}
