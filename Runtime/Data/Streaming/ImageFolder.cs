using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SkiaSharp;

namespace StaticKeras.Data;

/// <summary>
/// A folder of images, one subfolder per class, as Keras' <c>image_dataset_from_directory</c> reads
/// it: <c>root/cat/1.png</c>, <c>root/dog/7.jpg</c>; the classes are the subfolder names in ordinal
/// order (folders starting with "." left out), so labels are 0 for the first, and each class's images
/// are every image file under its folder, nested folders included, sorted by folder then name. Only
/// the file list is read up front; images are decoded with SkiaSharp when a pass reaches them (on
/// background workers with <see cref="Images"/>), resized to one size and converted to the
/// <see cref="ColorMode"/> asked for, channels last.
/// </summary>
/// <example>
/// <code>
/// var folder = ImageFolder.Scan("photos");
/// var train = folder.Files.Shuffle(folder.Count, seed: 1)
///     .Map(file => ImageFolder.Decode(file, rows: 64, columns: 64, ColorMode.Rgb), workers: 4)
///     .Batch(32).Map(batch => ImageBatch.ToTensors(batch)).Prefetch(2);   // x: (32, 64, 64, 3), y: (32,)
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

        var classes = Directory.GetDirectories(directory).Select(Path.GetFileName)
            .Where(name => !name!.StartsWith('.'))
            .Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new InvalidDataException($"ImageFolder: {directory} has no subfolders; expected one subfolder of images per class (root/class/image.png).");
        }

        // Keras walks each class folder (os.walk) sorted by folder, then by file name.
        var files = classes.SelectMany((name, label) => Directory.GetFiles(Path.Combine(directory, name!), "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f)))
                .OrderBy(f => Path.GetDirectoryName(f), StringComparer.Ordinal)
                .ThenBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .Select(path => (path, label)))
            .ToArray();
        if (files.Length == 0)
        {
            throw new InvalidDataException($"ImageFolder: the class folders of {directory} ({string.Join(", ", classes)}) hold no .png, .jpg, .jpeg, .bmp, .gif or .webp file.");
        }

        return new ImageFolder(classes!, files);
    }

    /// <summary>
    /// Every image decoded to <paramref name="rows"/> x <paramref name="columns"/> in <paramref name="colorMode"/>,
    /// on <paramref name="workers"/> threads, in file order.
    /// </summary>
    /// <param name="rows">The height every image is resized to (Keras' <c>image_size[0]</c>).</param>
    /// <param name="columns">The width (Keras' <c>image_size[1]</c>).</param>
    /// <param name="colorMode">The channels: Keras' <c>color_mode</c>, RGB by default as there.</param>
    /// <param name="workers">Decoding threads.</param>
    public Dataset<LabeledImage> Images(int rows, int columns, ColorMode colorMode = ColorMode.Rgb, int workers = 1) =>
        Files.Map(file => Decode(file, rows, columns, colorMode), workers);

    /// <summary>
    /// Decodes one image (a GIF's first frame), resizes it to <paramref name="rows"/> x <paramref name="columns"/>
    /// (bilinear, the aspect ratio not kept, as Keras' default <c>crop_to_aspect_ratio=False</c>; an image of
    /// that size already is not resampled) and converts it to <paramref name="colorMode"/>: its
    /// <see cref="LabeledImage.Pixels"/> are <c>rows * columns * channels</c> bytes, channels last.
    /// </summary>
    /// <param name="file">The image file and its label.</param>
    /// <param name="rows">The height to resize to.</param>
    /// <param name="columns">The width to resize to.</param>
    /// <param name="colorMode">The channels to decode to.</param>
    /// <exception cref="InvalidDataException">The file is not an image Skia can decode.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="colorMode"/> is not a <see cref="ColorMode"/>.</exception>
    public static LabeledImage Decode((string Path, int Label) file, int rows, int columns, ColorMode colorMode = ColorMode.Rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (!Enum.IsDefined(colorMode))
        {
            throw new ArgumentOutOfRangeException(nameof(colorMode), colorMode, "colorMode must be ColorMode.Grayscale, ColorMode.Rgb or ColorMode.Rgba.");
        }

        // Straight (unpremultiplied) RGBA whatever the file stores, so colours under partial transparency stay as written.
        using var codec = SKCodec.Create(file.Path)
            ?? throw new InvalidDataException($"ImageFolder: {file.Path} is not an image that can be decoded (PNG, JPEG, BMP, GIF or WebP).");
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul))
            ?? throw new InvalidDataException($"ImageFolder: {file.Path} is not an image that can be decoded (PNG, JPEG, BMP, GIF or WebP).");
        using var resized = decoded.Width == columns && decoded.Height == rows
            ? null
            : decoded.Resize(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear));
        var bitmap = resized ?? decoded;
        var rgba = bitmap.GetPixelSpan();
        var channels = (int)colorMode;
        var pixels = new byte[rows * columns * channels];
        for (var row = 0; row < rows; row++)
        {
            var line = rgba.Slice(row * bitmap.RowBytes, columns * 4);
            var to = pixels.AsSpan(row * columns * channels, columns * channels);
            for (var column = 0; column < columns; column++)
            {
                var (r, g, b) = (line[4 * column], line[4 * column + 1], line[4 * column + 2]);
                switch (colorMode)
                {
                    case ColorMode.Grayscale:
                        to[column] = (byte)((19595 * r + 38470 * g + 7471 * b + 32768) >> 16);
                        break;
                    case ColorMode.Rgb:
                        (to[3 * column], to[3 * column + 1], to[3 * column + 2]) = (r, g, b);
                        break;
                    default:
                        line.Slice(4 * column, 4).CopyTo(to.Slice(4 * column, 4));
                        break;
                }
            }
        }

        return new LabeledImage(pixels, rows, columns, file.Label, channels);
    }
}
