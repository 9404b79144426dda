using System;
using System.IO;
using System.Linq;
using StaticKeras.Data;
using StaticKeras.Tests.Data;
using TorchSharp;
using Xunit;

namespace StaticKeras.Runtime.Tests.Data.Streaming;

public sealed class IdxDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sk-idx-stream-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void StreamsEachImageWithItsLabelPassAfterPassFromPlainOrGzipFiles()
    {
        foreach (var gzip in new[] { false, true })
        {
            var (images, labels) = Write(IdxBytes.Images(3, first: 10), IdxBytes.Labels(4, 1, 9), gzip);
            var data = IdxDataset.Open(images, labels);
            Assert.Equal(3, data.Count);
            for (var pass = 0; pass < 2; pass++)
            {
                var samples = data.ToArray();
                Assert.Equal([4, 1, 9], samples.Select(s => s.Label));
                Assert.All(samples, s => Assert.Equal((2, 3), (s.Rows, s.Columns)));
                Assert.Equal(Enumerable.Range(16, 6).Select(i => (byte)i), samples[1].Pixels);   // the second image's 6 pixels
            }
        }
    }

    [Fact]
    public void HeadersAreCheckedWhenOpened()
    {
        var (images, labels) = Write(IdxBytes.Images(3), IdxBytes.Labels(1, 2), gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Open(images, labels));
        Assert.Equal($"{images} holds 3 images but {labels} holds 2 labels: they must be the same count.", error.Message);

        error = Assert.Throws<InvalidDataException>(() => IdxDataset.Open(labels, labels));
        Assert.Contains("expected IDX images (count, rows, columns) of unsigned bytes; found UnsignedByte with dimensions (2)", error.Message);
    }

    [Fact]
    public void ATruncatedFileFailsWhenTheStreamReachesTheMissingImage()
    {
        var full = IdxBytes.Images(3);
        var (images, labels) = Write(full[..^4], IdxBytes.Labels(1, 2, 3), gzip: false);
        var data = IdxDataset.Open(images, labels);
        using var reader = data.GetEnumerator();
        Assert.True(reader.MoveNext());
        Assert.True(reader.MoveNext());
        var error = Assert.Throws<InvalidDataException>(() => reader.MoveNext());
        Assert.Equal($"{images} is truncated: expected 6 bytes of image 2, found 2.", error.Message);
    }

    [Fact]
    public void ImageBatchStacksScaledPixelsAndInt64Labels()
    {
        var (images, labels) = Write(IdxBytes.Images(3), IdxBytes.Labels(4, 1, 9), gzip: false);
        var batch = IdxDataset.Open(images, labels).Batch(2).First();
        var (x, y) = ImageBatch.ToTensors(batch, scale: 0.5f, channelAxis: true);
        Assert.Equal([2L, 2, 3, 1], x.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, x.dtype);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 0.5f), x.data<float>().ToArray());
        Assert.Equal([4L, 1], y.data<long>().ToArray());
        Assert.Equal([2L, 2, 3], ImageBatch.ToTensors(batch).X.shape);

        var error = Assert.Throws<ArgumentException>(() => ImageBatch.ToTensors([batch[0], new LabeledImage(new byte[4], 2, 2, 0)]));
        Assert.StartsWith("image 1 of the batch is 2x2 (4 values); the first is 2x3: a batch needs one size.", error.Message);
        Assert.Throws<ArgumentException>(() => ImageBatch.ToTensors([]));
    }

    [Fact]
    public void ImageBatchScalesEveryByteValueAsTorchDoesAndKeepsColourChannelsLast()
    {
        // 3 x 7 x 13 values (not a multiple of any vector width): every byte value, odd tails.
        var pixels = Enumerable.Range(0, 3 * 7 * 13).Select(i => (byte)(i * 37 % 256)).ToArray();
        var pixels2 = pixels.Select(p => (byte)(255 - p)).ToArray();
        var (x, y) = ImageBatch.ToTensors([new LabeledImage(pixels, 7, 13, 2, Channels: 3), new LabeledImage(pixels2, 7, 13, 0, Channels: 3)]);
        using var bytes = TorchSharp.torch.tensor(pixels.Concat(pixels2).ToArray(), [2L, 7, 13, 3]);
        using var factor = (1 / 255f).ToScalar();
        using var expected = bytes.to_type(TorchSharp.torch.ScalarType.Float32).mul_(factor);
        Assert.Equal([2L, 7, 13, 3], x.shape);
        Assert.Equal(expected.data<float>().ToArray(), x.data<float>().ToArray());
        Assert.Equal([2L, 0], y.data<long>().ToArray());

        var error = Assert.Throws<ArgumentException>(() => ImageBatch.ToTensors([new LabeledImage(pixels, 7, 13, 2, Channels: 3), new LabeledImage(new byte[7 * 13], 7, 13, 0)]));
        Assert.StartsWith("image 1 of the batch is 7x13 (91 values); the first is 7x13x3: a batch needs one size.", error.Message);
    }

    private (string Images, string Labels) Write(byte[] images, byte[] labels, bool gzip) => IdxBytes.WritePair(_directory, images, labels, gzip);
}
