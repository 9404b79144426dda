using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SkiaSharp;

namespace StaticKeras.Data;

/// <summary>
/// A folder of images, one subfolder per class, as Keras' <c>image_dataset_from_directory</c> reads
/// it: <c>root/cat/1.png</c>, <c>root/dog/7.jpg</c>; the classes are the subfolder names in ordinal
/// order, so labels are 0 for the first. Only the file list is read up front; images are decoded
/// with SkiaSharp when a pass reaches them (on background workers with <see cref="Images"/>),
/// converted to grayscale and resized to one size.
/// </summary>
/// <example>
/// <code>
/// var folder = ImageFolder.Scan("photos");
/// var train = folder.Files.Shuffle(folder.Count, seed: 1)
///     .Map(file => ImageFolder.Decode(file, rows: 64, columns: 64), workers: 4)
///     .Batch(32).Map(batch => ImageBatch.ToTensors(batch, channelAxis: true)).Prefetch(2);
/// </code>
/// </example>
public sealed class ImageFolder
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };
    private readonly (string Path, int Label)[] _files;

    private ImageFolder(IReadOnlyList<string> classNames, (string Path, int Label)[] files)
    {
        ClassNames = classNames;
        _files = files;
    }

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of images.</summary>
    public int Count => _files.Length;

    /// <summary>Every image file with its label, class by class, files in ordinal order (shuffle before decoding).</summary>
    public Dataset<(string Path, int Label)> Files => Dataset.From(_files);

    /// <summary>Lists the classes and their image files (.png, .jpg, .jpeg, .bmp, .gif, .webp).</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">It has no class subfolder, or no image in them.</exception>
    public static ImageFolder Scan(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"ImageFolder: {directory} does not exist.");
        }

        var classes = Directory.GetDirectories(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new InvalidDataException($"ImageFolder: {directory} has no subfolders; expected one subfolder of images per class (root/class/image.png).");
        }

        var files = classes.SelectMany((name, label) => Directory.GetFiles(Path.Combine(directory, name!))
                .Where(f => Extensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .Select(path => (path, label)))
            .ToArray();
        if (files.Length == 0)
        {
            throw new InvalidDataException($"ImageFolder: the class folders of {directory} ({string.Join(", ", classes)}) hold no .png, .jpg, .jpeg, .bmp, .gif or .webp file.");
        }

        return new ImageFolder(classes!, files);
    }

    /// <summary>Every image decoded to <paramref name="rows"/> x <paramref name="columns"/> grayscale, on <paramref name="workers"/> threads, in file order.</summary>
    public Dataset<LabeledImage> Images(int rows, int columns, int workers = 1) => Files.Map(file => Decode(file, rows, columns), workers);

    /// <summary>
    /// Decodes one image, resizes it to <paramref name="rows"/> x <paramref name="columns"/> (bilinear,
    /// the aspect ratio not kept, as Keras' default <c>crop_to_aspect_ratio=False</c>) and converts it
    /// to 8-bit grayscale with PIL's luminance, which Keras' <c>color_mode="grayscale"</c> uses:
    /// <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an image Skia can decode.</exception>
    public static LabeledImage Decode((string Path, int Label) file, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        using var decoded = SKBitmap.Decode(file.Path)
            ?? throw new InvalidDataException($"ImageFolder: {file.Path} is not an image that can be decoded (PNG, JPEG, BMP, GIF or WebP).");
        using var resized = decoded.Resize(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Unpremul),
            new SKSamplingOptions(SKFilterMode.Linear));
        var rgba = resized.Bytes;
        var gray = new byte[rows * columns];
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)((19595 * rgba[4 * i] + 38470 * rgba[4 * i + 1] + 7471 * rgba[4 * i + 2] + 32768) >> 16);
        }

        return new LabeledImage(gray, rows, columns, file.Label);
    }
}
