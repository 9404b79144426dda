using System.IO;
using System.Linq;
using StaticKeras.Data;
using StaticKeras.Tests.Platform;
using TorchSharp;
using Xunit;

namespace StaticKeras.Tests.Data;

public sealed class IdxFileTests : System.IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private InvalidDataException Fails(string name, byte[] bytes, System.Func<string, torch.Tensor> read)
    {
        var path = Write(name, bytes);
        return Assert.Throws<InvalidDataException>(() => read(path).Dispose());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_gives_uint8_count_rows_columns_from_plain_or_gzip(bool gzip)
    {
        var bytes = IdxBytes.Images(2, first: 10);
        var path = Write("images", gzip ? IdxBytes.Gzip(bytes) : bytes);

        using var images = IdxFile.ReadImages(path);

        Assert.Equal(torch.ScalarType.Byte, images.dtype);
        Assert.Equal([2L, 2, 3], images.shape);
        Assert.Equal(Enumerable.Range(10, 12).Select(i => (byte)i), images.data<byte>().ToArray());
    }

    [Fact]
    public void ReadLabels_gives_int64_count()
    {
        var path = Write("labels.gz", IdxBytes.Gzip(IdxBytes.Labels(9, 0, 255)));

        using var labels = IdxFile.ReadLabels(path);

        Assert.Equal(torch.ScalarType.Int64, labels.dtype);
        Assert.Equal([3L], labels.shape);
        Assert.Equal([9L, 0, 255], labels.data<long>().ToArray());
    }

    [Fact]
    public void Read_converts_big_endian_int32()
    {
        var path = Write("ints", IdxBytes.Build(0x0C, [2], [0x00, 0x00, 0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFE]));

        using var values = IdxFile.Read(path);

        Assert.Equal(torch.ScalarType.Int32, values.dtype);
        Assert.Equal([258, -2], values.data<int>().ToArray());
    }

    [Fact]
    public void Read_converts_big_endian_float32_and_keeps_the_dimensions()
    {
        // 1.5f = 0x3FC00000, -2.25f = 0xC0100000
        var path = Write("floats", IdxBytes.Build(0x0D, [1, 2], [0x3F, 0xC0, 0, 0, 0xC0, 0x10, 0, 0]));

        using var values = IdxFile.Read(path);

        Assert.Equal([1L, 2], values.shape);
        Assert.Equal([1.5f, -2.25f], values.data<float>().ToArray());
    }

    [Fact]
    public void A_file_that_is_not_idx_is_named_with_its_magic_number()
    {
        var error = Fails("x.txt", "hello"u8.ToArray(), IdxFile.ReadImages);

        Assert.Equal($"{temp.Path}/x.txt is not an IDX file: its magic number 0x68656C6C should start with two zero bytes.", error.Message);
    }

    [Fact]
    public void An_unknown_data_type_is_reported()
    {
        var error = Fails("x", IdxBytes.Build(0x07, [1], [0]), IdxFile.Read);

        Assert.Equal($"{temp.Path}/x: unknown IDX data type 0x07 (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E).", error.Message);
    }

    [Fact]
    public void A_file_without_dimensions_is_reported()
    {
        var error = Fails("x", [0, 0, 8, 0], IdxFile.Read);

        Assert.Equal($"{temp.Path}/x: an IDX file with 0 dimensions (expected 1 to 16).", error.Message);
    }

    [Fact]
    public void A_truncated_header_is_reported()
    {
        var error = Fails("x", IdxBytes.Images(1)[..10], IdxFile.ReadImages);

        Assert.Equal($"{temp.Path}/x is truncated: expected 12 bytes of dimension sizes (3 dimensions), found 6.", error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_magic_number_is_reported()
    {
        var error = Fails("x", [0, 0], IdxFile.Read);

        Assert.Equal($"{temp.Path}/x is truncated: expected 4 bytes of magic number, found 2.", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_data_is_reported_with_the_expected_and_found_lengths(bool gzip)
    {
        var bytes = IdxBytes.Images(2)[..^5];

        var error = Fails("x", gzip ? IdxBytes.Gzip(bytes) : bytes, IdxFile.ReadImages);

        Assert.Equal($"{temp.Path}/x is truncated: dimensions (2, 2, 3) need 12 bytes of data after the 16-byte header, found 7.", error.Message);
    }

    [Fact]
    public void Bytes_after_the_data_are_reported()
    {
        var error = Fails("x", [.. IdxBytes.Labels(1, 2), 7, 7, 7], IdxFile.ReadLabels);

        Assert.Equal($"{temp.Path}/x: 3 bytes follow the 2 bytes of data that dimensions (2) describe.", error.Message);
    }

    [Fact]
    public void Corrupt_gzip_data_is_reported_as_such()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Images(50));
        for (var i = 12; i < gzip.Length - 8; i++)
            gzip[i] ^= 0x5A;

        var error = Fails("x.gz", gzip, IdxFile.ReadImages);

        Assert.StartsWith($"{temp.Path}/x.gz: corrupt gzip data (", error.Message);
    }

    [Fact]
    public void A_gzip_stream_cut_short_is_reported_as_truncated_or_corrupt()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Images(50));

        var error = Fails("x.gz", gzip[..(gzip.Length / 2)], IdxFile.ReadImages);

        Assert.Matches($"^{temp.Path}/x.gz( is truncated: |: corrupt gzip data)", error.Message);
    }

    [Fact]
    public void ReadImages_rejects_a_label_file_naming_both_magic_numbers()
    {
        var error = Fails("labels", IdxBytes.Labels(1, 2, 3), IdxFile.ReadImages);

        Assert.Equal($"{temp.Path}/labels: expected IDX images (count, rows, columns), magic number 0x00000803 (unsigned bytes, rank 3); " +
            "found 0x00000801 (UnsignedByte, shape (3,)).", error.Message);
    }

    [Fact]
    public void ReadLabels_rejects_an_image_file()
    {
        var error = Fails("images", IdxBytes.Images(2), IdxFile.ReadLabels);

        Assert.Equal($"{temp.Path}/images: expected IDX labels (count), magic number 0x00000801 (unsigned bytes, rank 1); " +
            "found 0x00000803 (UnsignedByte, shape (2, 2, 3)).", error.Message);
    }
}
