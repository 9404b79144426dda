using System;
using System.IO;
using System.Linq;
using SkiaSharp;
using StaticKeras.Data;
using Xunit;

namespace StaticKeras.Runtime.Tests.Data.Streaming;

public sealed class ImageFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sk-image-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ClassesAreTheSubfoldersInOrderAndImagesDecodeToGrayscaleOfOneSize()
    {
        Write("dog", "b.png", SKColors.Red, 8, 6);
        Write("dog", "a.jpg", SKColors.White, 5, 5, SKEncodedImageFormat.Jpeg);
        Write("cat", "1.png", new SKColor(0, 0, 255), 4, 4);
        File.WriteAllText(Path.Combine(_root, "cat", "notes.txt"), "not an image");

        var folder = ImageFolder.Scan(_root);
        Assert.Equal(["cat", "dog"], folder.ClassNames);
        Assert.Equal(3, folder.Count);
        Assert.Equal([("1.png", 0), ("a.jpg", 1), ("b.png", 1)], folder.Files.Select(f => (Path.GetFileName(f.Path), f.Label)));

        var images = folder.Images(rows: 2, columns: 3, ColorMode.Grayscale, workers: 2).ToArray();
        Assert.All(images, i => Assert.Equal((2, 3, 1, 6), (i.Rows, i.Columns, i.Channels, i.Pixels.Length)));
        // PIL's luminance: blue (19595*0 + 38470*0 + 7471*255 + 32768) >> 16 = 29, red 76, white 255 (JPEG may be off by one or two)
        Assert.All(images[0].Pixels, p => Assert.Equal(29, p));
        Assert.All(images[1].Pixels, p => Assert.InRange(p, 252, 255));
        Assert.All(images[2].Pixels, p => Assert.Equal(76, p));
        Assert.Equal([0, 1, 1], images.Select(i => i.Label));
    }

    [Fact]
    public void FoldersWithoutClassesOrImagesAndUndecodableFilesSaySo()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Scan(Path.Combine(_root, "missing")));
        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(_root));
        Assert.Contains("has no subfolders; expected one subfolder of images per class", error.Message);

        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        error = Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(_root));
        Assert.Contains("(empty) hold no .png", error.Message);

        var broken = Path.Combine(_root, "empty", "broken.png");
        File.WriteAllText(broken, "not a png");
        error = Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(_root).Images(2, 2).ToArray());
        Assert.Equal($"ImageFolder: {broken} is not an image that can be decoded (PNG, JPEG, BMP, GIF or WebP).", error.Message);
    }

    [Fact]
    public void EachColorModeGivesItsChannelsLastFromGrayRgbAndRgbaFiles()
    {
        // 2 x 3 pixels, each its own value: a grayscale PNG, an opaque RGB PNG, an RGBA PNG with partial transparency.
        Write("a_gray", "g.png", Pixels(SKColorType.Gray8, SKAlphaType.Opaque, i => new SKColor((byte)(40 * i), (byte)(40 * i), (byte)(40 * i))));
        Write("b_rgb", "c.png", Pixels(SKColorType.Rgba8888, SKAlphaType.Opaque, i => new SKColor((byte)(10 + i), (byte)(100 + i), (byte)(200 + i))));
        Write("c_rgba", "t.png", Pixels(SKColorType.Rgba8888, SKAlphaType.Unpremul, i => new SKColor((byte)(50 * i), 7, 250, (byte)(255 - 40 * i))));
        Directory.CreateDirectory(Path.Combine(_root, ".hidden"));   // left out, as Keras leaves out dot folders
        File.Copy(Path.Combine(_root, "b_rgb", "c.png"), Path.Combine(_root, ".hidden", "c.png"));

        var folder = ImageFolder.Scan(_root);
        Assert.Equal(["a_gray", "b_rgb", "c_rgba"], folder.ClassNames);
        var files = folder.Files.ToArray();
        LabeledImage Read(int file, ColorMode mode) => ImageFolder.Decode(files[file], rows: 2, columns: 3, mode);

        var six = Enumerable.Range(0, 6).ToArray();
        Assert.Equal(six.Select(i => (byte)(40 * i)), Read(0, ColorMode.Grayscale).Pixels);
        Assert.Equal(six.SelectMany(i => new[] { (byte)(40 * i), (byte)(40 * i), (byte)(40 * i) }), Read(0, ColorMode.Rgb).Pixels);
        Assert.Equal(six.SelectMany(i => new[] { (byte)(40 * i), (byte)(40 * i), (byte)(40 * i), (byte)255 }), Read(0, ColorMode.Rgba).Pixels);

        var rgb = Read(1, ColorMode.Rgb);
        Assert.Equal((2, 3, 3, 1), (rgb.Rows, rgb.Columns, rgb.Channels, rgb.Label));
        Assert.Equal(six.SelectMany(i => new[] { (byte)(10 + i), (byte)(100 + i), (byte)(200 + i) }), rgb.Pixels);
        Assert.Equal(six.Select(i => Luminance(10 + i, 100 + i, 200 + i)), Read(1, ColorMode.Grayscale).Pixels);

        Assert.Equal(six.SelectMany(i => new[] { (byte)(50 * i), (byte)7, (byte)250, (byte)(255 - 40 * i) }), Read(2, ColorMode.Rgba).Pixels);
        Assert.Equal(six.SelectMany(i => new[] { (byte)(50 * i), (byte)7, (byte)250 }), Read(2, ColorMode.Rgb).Pixels);   // alpha dropped, not blended

        // Resized and batched: (batch, rows, columns, channels), as image_dataset_from_directory gives.
        var (x, y) = ImageBatch.ToTensors(folder.Images(rows: 4, columns: 5, ColorMode.Rgba, workers: 2).ToArray(), scale: 1);
        Assert.Equal([3L, 4, 5, 4], x.shape);
        Assert.Equal([0L, 1, 2], y.data<long>().ToArray());
        Assert.Equal(255f, x[0, 2, 3, 3].item<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Decode(files[0], 2, 3, (ColorMode)2));
    }

    private static byte Luminance(int r, int g, int b) => (byte)((19595 * r + 38470 * g + 7471 * b + 32768) >> 16);

    private static SKBitmap Pixels(SKColorType type, SKAlphaType alpha, Func<int, SKColor> color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(3, 2, type, alpha));
        for (var i = 0; i < 6; i++)
        {
            bitmap.SetPixel(i % 3, i / 3, color(i));
        }

        return bitmap;
    }

    private void Write(string label, string name, SKBitmap bitmap)
    {
        Directory.CreateDirectory(Path.Combine(_root, label));
        using (bitmap)
        using (var data = bitmap.Encode(SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(Path.Combine(_root, label, name), data.ToArray());
        }
    }

    private void Write(string label, string name, SKColor color, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.Combine(_root, label));
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(Path.Combine(_root, label, name), data.ToArray());
    }
}
