using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StaticKeras.Data;
using StaticKeras.Tests.Data;
using TorchSharp;
using Xunit;

namespace StaticKeras.Runtime.Tests.Data.Streaming;

public sealed class IdxImageSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sk-idx-set-").FullName;

    private string Copies => Path.Combine(_directory, "copies");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadsAnyImageWithItsLabelByIndexFromPlainFilesOrDecompressedCopiesOfGzip()
    {
        foreach (var gzip in new[] { false, true })
        {
            var (images, labels) = Write(IdxBytes.Images(4, first: 10), IdxBytes.Labels(4, 1, 9, 7), gzip);
            using var set = IdxImageSet.Open(images, labels, Copies);
            Assert.Equal((4L, 2, 3), (set.Count, set.Rows, set.Columns));
            var streamed = IdxDataset.Open(images, labels).ToArray();
            foreach (var index in new long[] { 2, 0, 3, 1, 2 })
            {
                var image = set[index];
                Assert.Equal(streamed[index].Pixels, image.Pixels);
                Assert.Equal((streamed[index].Label, 2, 3, 1), (image.Label, image.Rows, image.Columns, image.Channels));
            }

            Assert.Equal(gzip, set.ImagesPath.StartsWith(Copies, StringComparison.Ordinal));
            Assert.Equal(gzip, set.LabelsPath.StartsWith(Copies, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AGzipFileIsDecompressedOnceAndAChangedFileGetsANewCopy()
    {
        var (images, labels) = Write(IdxBytes.Images(3), IdxBytes.Labels(4, 1, 9), gzip: true);
        string first;
        using (var set = IdxImageSet.Open(images, labels, Copies))
        {
            first = set.ImagesPath;
        }

        var written = File.GetLastWriteTimeUtc(first);
        using (var again = IdxImageSet.Open(images, labels, Copies))
        {
            Assert.Equal(first, again.ImagesPath);
            Assert.Equal(written, File.GetLastWriteTimeUtc(again.ImagesPath));
        }

        File.WriteAllBytes(images, IdxBytes.Gzip(IdxBytes.Images(3, first: 100)));
        File.SetLastWriteTimeUtc(images, written.AddMinutes(1));
        using var changed = IdxImageSet.Open(images, labels, Copies);
        Assert.NotEqual(first, changed.ImagesPath);
        Assert.Equal(Enumerable.Range(100, 6).Select(i => (byte)i), changed[0].Pixels);
        Assert.Equal(3, Directory.GetFiles(Copies).Length);   // two image copies and one label copy, no partial file
    }

    [Fact]
    public void ReadBatchGivesImageBatchsValuesForTheIndexedImagesInOrder()
    {
        // 5 images of 7 x 13 (not a multiple of any vector width), every byte value.
        var pixels = Enumerable.Range(0, 5 * 7 * 13).Select(i => (byte)(i * 37 % 256)).ToArray();
        var (images, labels) = Write(IdxBytes.Build(0x08, [5, 7, 13], pixels), IdxBytes.Labels(3, 1, 4, 1, 5), gzip: false);
        using var set = IdxImageSet.Open(images, labels, Copies);
        long[] indices = [4, 0, 2, 2];
        var streamed = IdxDataset.Open(images, labels).ToArray();
        var (expectedX, expectedY) = ImageBatch.ToTensors(indices.Select(i => streamed[i]).ToArray(), scale: 0.5f, channelAxis: true);

        var (x, y) = set.ReadBatch(indices, scale: 0.5f, channelAxis: true);

        Assert.Equal([4L, 7, 13, 1], x.shape);
        Assert.Equal(expectedX.data<float>().ToArray(), x.data<float>().ToArray());
        Assert.Equal([5L, 3, 4, 4], y.data<long>().ToArray());
        Assert.Equal(expectedY.data<long>().ToArray(), y.data<long>().ToArray());
        Assert.Equal([4L, 7, 13], set.ReadBatch(indices).X.shape);
    }

    [Fact]
    public void AShuffledRangeOfIndicesReadsEveryImageOncePerPassInAnOrderFixedBySeed()
    {
        var (images, labels) = Write(IdxBytes.Images(10), IdxBytes.Labels([.. Enumerable.Range(0, 10).Select(i => (byte)i)]), gzip: false);
        using var set = IdxImageSet.Open(images, labels, Copies);
        Dataset<long[]> Orders() => Dataset.Range(set.Count).Shuffle(10, seed: 3).Batch(4);
        var batches = Orders().Map(indices => set.ReadBatch(indices));

        var first = batches.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();
        var second = batches.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), first.Order());
        var orders = Orders();   // each label is its image's index here, so the labels read are the indices drawn
        Assert.Equal(orders.SelectMany(b => b).ToArray(), first);
        Assert.Equal(orders.SelectMany(b => b).ToArray(), second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void BadFilesAndBadIndicesAreClearErrors()
    {
        var (images, labels) = Write(IdxBytes.Images(3), IdxBytes.Labels(1, 2), gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Open(images, labels, Copies));
        Assert.Equal($"{images} holds 3 images but {labels} holds 2 labels: they must be the same count.", error.Message);

        error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Open(labels, labels, Copies));
        Assert.Equal($"{labels}: expected IDX images (count, rows, columns) of unsigned bytes; found UnsignedByte with dimensions (2).", error.Message);

        (images, labels) = Write(IdxBytes.Images(3)[..^4], IdxBytes.Labels(1, 2, 3), gzip: false);
        error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Open(images, labels, Copies));
        Assert.Equal($"{images}: dimensions (3, 2, 3) need 18 bytes of data after the 16-byte header, found 14.", error.Message);

        (images, labels) = Write(IdxBytes.Build(0x08, [int.MaxValue, int.MaxValue, int.MaxValue], new byte[8]), IdxBytes.Labels(1), gzip: false);
        error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Open(images, labels, Copies));
        Assert.StartsWith($"{images}: dimensions (2147483647, 2147483647, 2147483647) need 99035203", error.Message);   // no overflow
        Assert.EndsWith("bytes of data after the 16-byte header, found 8.", error.Message);

        var corrupt = Path.Combine(_directory, "corrupt.gz");
        File.WriteAllBytes(corrupt, IdxBytes.Gzip(IdxBytes.Images(3))[..^12]);
        error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Open(corrupt, labels, Copies));
        Assert.StartsWith($"{corrupt} is truncated or corrupt: its header's dimensions (3, 2, 3) need 34 bytes decompressed, found ", error.Message);
        Assert.Empty(Directory.Exists(Copies) ? Directory.GetFiles(Copies) : []);   // no partial copy left behind

        Assert.Throws<FileNotFoundException>(() => IdxImageSet.Open(Path.Combine(_directory, "missing"), labels, Copies));

        (images, labels) = Write(IdxBytes.Images(3), IdxBytes.Labels(1, 2, 3), gzip: false);
        using var set = IdxImageSet.Open(images, labels, Copies);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => set.ReadBatch([0, 3]));
        Assert.StartsWith($"index 3 (position 1 of the batch) is outside the 3 images of {images}: expected 0 to 2.", outside.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => set[-1]);
        Assert.Throws<ArgumentException>(() => set.ReadBatch([]));
    }

    [Fact]
    public void ReadsAfterDisposeAreRefusedAndReadsOnSeveralThreadsAgree()
    {
        var (images, labels) = Write(IdxBytes.Images(40), IdxBytes.Labels([.. Enumerable.Range(0, 40).Select(i => (byte)i)]), gzip: false);
        var set = IdxImageSet.Open(images, labels, Copies);
        long[] indices = [.. Enumerable.Range(0, 40).Select(j => (long)(j * 7 % 40))];
        var expected = set.ReadBatch(indices).X.data<float>().ToArray();
        var agree = new bool[8];
        Parallel.For(0, 8, i =>
        {
            agree[i] = true;
            for (var round = 0; round < 50; round++)
            {
                var (x, y) = set.ReadBatch(indices);
                agree[i] &= x.data<float>().ToArray().AsSpan().SequenceEqual(expected);
                x.Dispose();
                y.Dispose();
            }
        });
        Assert.All(agree, Assert.True);

        set.Dispose();
        set.Dispose();
        Assert.Throws<ObjectDisposedException>(() => set.ReadBatch([0]));
        Assert.Throws<ObjectDisposedException>(() => set[0]);
    }

    private (string Images, string Labels) Write(byte[] images, byte[] labels, bool gzip) => IdxBytes.WritePair(_directory, images, labels, gzip);
}

/// <summary>Fashion-MNIST's real files read by index: the bundled subset's gzip files through their decompressed copies.</summary>
public sealed class FashionMnistImageSetsTests : IDisposable
{
    private readonly string _copies = Directory.CreateTempSubdirectory("sk-fmnist-sets-").FullName;

    public void Dispose() => Directory.Delete(_copies, recursive: true);

    [Fact]
    public void TheSplitsReadTheSameImagesAndLabelsAsLoadDataAndTrainAsInMemory()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var loaded = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);
        using var sets = FashionMnist.OpenImageSets(FashionMnist.BundledSubsetDirectory, _copies);
        Assert.Equal((6000L, 1000L, 28, 28), (sets.Train.Count, sets.Test.Count, sets.Train.Rows, sets.Train.Columns));
        Assert.Equal(DataSourceOrigin.BundledSubset, sets.Source.Origin);

        long[] indices = [5999, 0, 17, 4242];
        var (x, y) = sets.Train.ReadBatch(indices);
        using var rows = TorchSharp.torch.tensor(indices);
        using var scale = (1 / 255f).ToScalar();   // ReadBatch multiplies, as ImageBatch does
        var expectedX = loaded.Train.X.index_select(0, rows).to_type(TorchSharp.torch.ScalarType.Float32).mul_(scale);
        Assert.Equal(expectedX.data<float>().ToArray(), x.data<float>().ToArray());
        Assert.Equal(loaded.Train.Y.index_select(0, rows).data<long>().ToArray(), y.data<long>().ToArray());
        Assert.Equal(loaded.Test.Y[999].item<long>(), sets.Test[999].Label);

        // One epoch in the same order from the files and from memory: the same weights.
        var order = Dataset.Range(256).Shuffle(256, seed: 5);
        long[] drawn = [.. order];
        TorchSharp.torch.manual_seed(1);
        var fromFiles = new StreamedMlp();
        fromFiles.Fit(Dataset.From(drawn).Batch(32).Map(batch => sets.Train.ReadBatch(batch)), epochs: 1, verbose: 0);
        TorchSharp.torch.manual_seed(1);
        var fromMemory = new StreamedMlp();
        using var drawnRows = TorchSharp.torch.tensor(drawn);
        var xMemory = loaded.Train.X.index_select(0, drawnRows).to_type(TorchSharp.torch.ScalarType.Float32).mul_(scale);
        fromMemory.Fit(xMemory, loaded.Train.Y.index_select(0, drawnRows), epochs: 1, batchSize: 32, shuffle: false, verbose: 0);
        Assert.Equal(fromMemory.state_dict()["hidden.kernel"].data<float>().ToArray(), fromFiles.state_dict()["hidden.kernel"].data<float>().ToArray());
    }
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class StreamedMlp
{
    readonly StaticKeras.Layers.Flatten flatten = new();
    readonly StaticKeras.Layers.Dense hidden = new(16, Activation.Relu);
    readonly StaticKeras.Layers.Dense output = new(10, Activation.Softmax);
}
