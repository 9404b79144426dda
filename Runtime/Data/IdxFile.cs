using System.IO;
using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed. Invalid files
/// (wrong magic number, truncated, trailing bytes, corrupt gzip) raise <see cref="InvalidDataException"/>
/// naming the file, what was expected and what was found.
/// </summary>
public static class IdxFile
{
    /// <summary>The magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads any IDX file into a tensor of its element type and dimensions.</summary>
    /// <param name="path">The file, plain or gzip-compressed.</param>
    public static Tensor Read(string path) => IdxReader.Read(path).ToTensor();

    /// <summary>Reads an image file as Keras' <c>load_data</c> returns it: uint8, shape (count, rows, columns).</summary>
    /// <param name="path">The file, plain or gzip-compressed.</param>
    public static Tensor ReadImages(string path) => Expect(IdxReader.Read(path), path, ImagesMagic, "images (count, rows, columns)").ToTensor();

    /// <summary>Reads a label file as int64, shape (count,), ready for a sparse categorical loss.</summary>
    /// <param name="path">The file, plain or gzip-compressed.</param>
    public static Tensor ReadLabels(string path)
    {
        var array = Expect(IdxReader.Read(path), path, LabelsMagic, "labels (count)");
        return tensor(array.ToInt64(), array.Dimensions);
    }

    private static IdxArray Expect(IdxArray array, string path, int magic, string what)
    {
        var found = (int)array.Type << 8 | array.Dimensions.Length;
        if (found != magic)
            throw new InvalidDataException(
                $"{path}: expected IDX {what}, magic number 0x{magic:X8} (unsigned bytes, rank {magic & 0xFF}); " +
                $"found 0x{found:X8} ({array.Type}, shape {array.Shape}).");
        return array;
    }
}
