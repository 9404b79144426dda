using System;
using System.IO;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>
/// An IDX image file and its label file (the MNIST format) opened for reading any image by index:
/// the files are mapped into memory, so nothing is loaded up front and the operating system pages in
/// only what is read. The map-style dataset of PyTorch, in <see cref="Dataset{T}"/>'s terms: shuffle the
/// indices, batch them, and read each batch straight into its tensors.
/// </summary>
/// <example>
/// <code>
/// using var images = IdxImageSet.Open("train-images-idx3-ubyte", "train-labels-idx1-ubyte");
/// var train = Dataset.Range(images.Count)
///     .Shuffle(bufferSize: (int)images.Count, seed: 42)   // a full shuffle, as Fit(x, y) does in memory
///     .Batch(32)
///     .Map(indices => images.ReadBatch(indices));
/// model.Fit(train, epochs: 5);
/// </code>
/// </example>
/// <remarks>
/// Reading by index needs plain files; gzip files (as published) are decompressed once into a
/// directory for the copies (<see cref="Open"/>), which later opens reuse. Reads are thread-safe, so
/// <see cref="Dataset{T}.Map{TResult}"/> may run them on several workers. Keep the set open while its
/// datasets are read; reads after <see cref="Dispose"/> throw <see cref="ObjectDisposedException"/>.
/// Compared with <see cref="IdxDataset"/> (which streams the files front to back and shuffles through a
/// buffer of images), no image is kept between reads, and a shuffle can span the whole set.
/// </remarks>
public sealed class IdxImageSet : IDisposable
{
    private readonly MappedIdxFile _images;
    private readonly MappedIdxFile _labels;

    private IdxImageSet(MappedIdxFile images, MappedIdxFile labels) => (_images, _labels) = (images, labels);

    /// <summary>The number of images.</summary>
    public long Count => _images.Count;

    /// <summary>The height of every image.</summary>
    public int Rows => (int)_images.Dimensions[1];

    /// <summary>The width of every image.</summary>
    public int Columns => (int)_images.Dimensions[2];

    /// <summary>The image file read (the plain copy when a gzip file was given).</summary>
    public string ImagesPath => _images.Path;

    /// <summary>The label file read (the plain copy when a gzip file was given).</summary>
    public string LabelsPath => _labels.Path;

    /// <summary>Opens an image file with its labels for reading by index.</summary>
    /// <param name="imagesPath">An IDX file of unsigned bytes, dimensions (count, rows, columns), plain or gzip.</param>
    /// <param name="labelsPath">An IDX file of unsigned bytes, dimensions (count,), plain or gzip.</param>
    /// <param name="decompressDirectory">Where plain copies of gzip files go (made once, reused while the gzip file is
    /// unchanged); null for the system's temporary directory (<c>StaticKeras/idx</c> in it). Unused for plain files.</param>
    /// <exception cref="InvalidDataException">A file is not IDX of the expected type and rank, its length does not match its
    /// header, its gzip content is corrupt, or the counts differ.</exception>
    public static IdxImageSet Open(string imagesPath, string labelsPath, string? decompressDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        var directory = decompressDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "StaticKeras", "idx");
        var images = MappedIdxFile.Open(PlainIdxCopy.For(imagesPath, directory), 3, "images (count, rows, columns)");
        try
        {
            var labels = MappedIdxFile.Open(PlainIdxCopy.For(labelsPath, directory), 1, "labels (count,)");
            if (images.Count != labels.Count)
            {
                labels.Dispose();
                throw new InvalidDataException($"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Count} labels: they must be the same count.");
            }

            return new IdxImageSet(images, labels);
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }

    /// <summary>Image <paramref name="index"/> with its label, its pixels copied out of the file.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public LabeledImage this[long index]
    {
        get
        {
            CheckIndex(index, position: null);
            using var images = _images.Read();
            using var labels = _labels.Read();
            return new LabeledImage(images.Element(index).ToArray(), Rows, Columns, labels.Element(index)[0]);
        }
    }

    /// <summary>
    /// Reads the images at <paramref name="indices"/>, in that order, straight into float32
    /// <c>(batch, rows, columns)</c> (or <c>(batch, rows, columns, 1)</c> with <paramref name="channelAxis"/>)
    /// multiplied by <paramref name="scale"/>, and their labels as int64 <c>(batch,)</c>: the values
    /// <see cref="ImageBatch.ToTensors"/> gives for the same images, with no image copied on the way.
    /// </summary>
    /// <param name="indices">The images of the batch (e.g. a batch of a shuffled <see cref="Dataset.Range"/>).</param>
    /// <param name="scale">The factor for each pixel; 1/255 gives Keras' <c>x / 255.0</c> to float32 rounding (a product, not a quotient: a value may differ in its last bit).</param>
    /// <param name="channelAxis">Add a channels axis of 1 (channels last, as Keras CNNs take images).</param>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is not below <see cref="Count"/>.</exception>
    public (Tensor X, Tensor Y) ReadBatch(ReadOnlySpan<long> indices, float scale = 1 / 255f, bool channelAxis = false)
    {
        if (indices.IsEmpty)
        {
            throw new ArgumentException("IdxImageSet.ReadBatch needs at least one index; got none.", nameof(indices));
        }

        for (var i = 0; i < indices.Length; i++)
        {
            CheckIndex(indices[i], i);
        }

        var size = (int)_images.ElementSize;
        using var images = _images.Read();
        using var labels = _labels.Read();
        long[] shape = channelAxis ? [indices.Length, Rows, Columns, 1] : [indices.Length, Rows, Columns];
        var x = empty(shape, ScalarType.Float32);
        var y = empty([indices.Length], ScalarType.Int64);
        var pixels = MemoryMarshal.Cast<byte, float>(x.bytes);
        var classes = MemoryMarshal.Cast<byte, long>(y.bytes);
        for (var i = 0; i < indices.Length; i++)
        {
            ImageBatch.Scale(images.Element(indices[i]), pixels.Slice(i * size, size), scale);
            classes[i] = labels.Element(indices[i])[0];
        }

        return (x, y);
    }

    /// <summary>Unmaps the files (once reads in progress end).</summary>
    public void Dispose()
    {
        _images.Dispose();
        _labels.Dispose();
    }

    private void CheckIndex(long index, int? position)
    {
        if ((ulong)index >= (ulong)Count)
        {
            var where = position is { } p ? $" (position {p} of the batch)" : "";
            throw new ArgumentOutOfRangeException(
                position is null ? "index" : "indices", index, $"index {index}{where} is outside the {Count} images of {_images.Path}: expected 0 to {Count - 1}.");
        }
    }
}
