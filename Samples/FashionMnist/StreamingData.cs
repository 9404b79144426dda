using System;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace Samples.FashionMnist;

/// <summary>
/// Fashion-MNIST read from disk batch by batch (<c>--stream</c>): the training images pass through a
/// 10,000-image shuffle buffer, are batched and turned into tensors on two background workers, and
/// four batches are prefetched while the model trains on the current one. Only the buffer and the
/// batches in flight are in memory, never the whole training set.
/// </summary>
internal sealed record StreamingData(
    Dataset<(Tensor X, Tensor Y)> Train,
    Dataset<(Tensor X, Tensor Y)>? Validation,
    Dataset<(Tensor X, Tensor Y)> Test,
    string Description)
{
    public const int ShuffleBuffer = 10_000;

    public static StreamingData Open(string? directory, int? limit, int batchSize, double validationSplit, bool channelAxis, int seed)
    {
        var splits = StaticKeras.Data.FashionMnist.Stream(directory);
        var train = limit is { } n ? splits.Train.Take(n) : splits.Train;
        var samples = (int)train.Count!.Value;
        // Keras' validation_split: the last fraction, taken before shuffling.
        var trainCount = validationSplit > 0 ? (int)Math.Floor(samples * (1 - validationSplit)) : samples;
        Dataset<(Tensor X, Tensor Y)> Batches(Dataset<LabeledImage> images) =>
            images.Batch(batchSize).Map(batch => ImageBatch.ToTensors(batch, channelAxis: channelAxis), workers: 2).Prefetch(4);

        var description = FormattableString.Invariant(
            $"Fashion-MNIST streamed from {splits.Source}: {samples:N0} training and {splits.Test.Count:N0} test images, shuffle buffer {ShuffleBuffer:N0}");
        return new StreamingData(
            Batches(train.Take(trainCount).Shuffle(ShuffleBuffer, seed)),
            trainCount < samples ? Batches(train.Skip(trainCount)) : null,
            Batches(splits.Test),
            description);
    }
}
