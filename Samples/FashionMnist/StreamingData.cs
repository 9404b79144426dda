using System;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace Samples.FashionMnist;

/// <summary>
/// Fashion-MNIST read from disk batch by batch (<c>--stream</c>): the IDX files are mapped into memory
/// (<see cref="IdxImageSet"/>; the published gzip files are decompressed once into the system's
/// temporary directory), the training images' indices are shuffled in full every epoch as
/// <c>Fit(x, y)</c> shuffles in memory, and each batch is read from the files straight into its
/// tensors. Only the batch in flight is in memory, never the whole training set; the operating system
/// keeps what it reads in its page cache as long as it has room.
/// </summary>
/// <remarks>
/// No background threads: on a machine whose cores LibTorch's threads already keep busy (2 cores here),
/// a data thread takes turns with them instead of overlapping, and reading a batch costs about 1 µs an
/// image, a few per cent of the MLP's step. Add <c>.Prefetch(2)</c> after <c>Map</c> where a core is free.
/// </remarks>
internal sealed class StreamingData(ImageSetSplits files, Dataset<(Tensor X, Tensor Y)> train, Dataset<(Tensor X, Tensor Y)>? validation,
    Dataset<(Tensor X, Tensor Y)> test, string description) : IDisposable
{
    public Dataset<(Tensor X, Tensor Y)> Train { get; } = train;

    public Dataset<(Tensor X, Tensor Y)>? Validation { get; } = validation;

    public Dataset<(Tensor X, Tensor Y)> Test { get; } = test;

    public string Description { get; } = description;

    public static StreamingData Open(string? directory, int? limit, int batchSize, double validationSplit, bool channelAxis, int seed)
    {
        var files = StaticKeras.Data.FashionMnist.OpenImageSets(directory);
        var samples = limit is { } n ? Math.Min(n, files.Train.Count) : files.Train.Count;
        // Keras' validation_split: the last fraction, taken before shuffling.
        var trainCount = validationSplit > 0 ? (long)Math.Floor(samples * (1 - validationSplit)) : samples;
        Dataset<(Tensor X, Tensor Y)> Batches(Dataset<long> indices, IdxImageSet images) =>
            indices.Batch(batchSize).Map(batch => images.ReadBatch(batch, channelAxis: channelAxis));

        var description = FormattableString.Invariant(
            $"Fashion-MNIST streamed from {files.Source}: {samples:N0} training and {files.Test.Count:N0} test images read by index from {System.IO.Path.GetDirectoryName(files.Train.ImagesPath)}, fully shuffled");
        return new StreamingData(
            files,
            Batches(Dataset.Range(trainCount).Shuffle((int)trainCount, seed), files.Train),
            trainCount < samples ? Batches(Dataset.Range(samples).Skip((int)trainCount), files.Train) : null,
            Batches(Dataset.Range(files.Test.Count), files.Test),
            description);
    }

    public void Dispose() => files.Dispose();
}
