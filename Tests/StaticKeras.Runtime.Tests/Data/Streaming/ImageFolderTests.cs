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

        var images = folder.Images(rows: 2, columns: 3, workers: 2).ToArray();
        Assert.All(images, i => Assert.Equal((2, 3, 6), (i.Rows, i.Columns, i.Pixels.Length)));
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

    private void Write(string label, string name, SKColor color, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.Combine(_root, label));
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(Path.Combine(_root, label, name), data.ToArray());
    }
}
