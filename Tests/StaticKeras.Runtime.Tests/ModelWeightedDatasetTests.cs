using System;
using System.Linq;
using StaticKeras.Data;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

// A dataset of (x, y, sampleWeight) batches, as Keras' fit takes a tf.data dataset of such tuples,
// weighs the loss exactly as Fit's and Evaluate's sampleWeight argument does on the same batches.
public class ModelWeightedDatasetTests
{
    private static Dataset<(Tensor X, Tensor Y, Tensor SampleWeight)> Rows(Tensor x, Tensor y, Tensor w, long start, long count, int batchSize,
        int workers = 1) =>
        Dataset.Range(count).Batch(batchSize).Map(rows =>
        {
            using var index = tensor(rows.Select(r => r + start).ToArray());
            return (x.index_select(0, index), y.index_select(0, index), w.index_select(0, index));
        }, workers);

    [Fact]
    public void FitOnAWeightedDatasetTrainsAndValidatesExactlyAsSampleWeightOnTheSameBatches()
    {
        var (x, y) = Blobs.Make(96, seed: 31);
        using var w = arange(96, ScalarType.Float32).remainder(5).mul(0.5);   // 0, 0.5, ..., 2: some samples not counted at all
        manual_seed(3);
        var inMemory = new BlobMlp();
        var expected = inMemory.Fit(x, y, epochs: 3, batchSize: 16, shuffle: false, verbose: 0, sampleWeight: w, validationSplit: 0.25);
        manual_seed(3);
        var streamed = new BlobMlp();
        var history = streamed.Fit(Rows(x, y, w, 0, 72, 16, workers: 2).Prefetch(2), epochs: 3, verbose: 0,
            validationData: Rows(x, y, w, 72, 24, 16));

        Assert.Equal(expected.Logs.Keys, history.Logs.Keys);
        foreach (var key in expected.Logs.Keys)
        {
            Assert.Equal(expected.Logs[key], history.Logs[key]);
        }

        Assert.Equal(inMemory.state_dict()["hidden.kernel"].data<float>().ToArray(), streamed.state_dict()["hidden.kernel"].data<float>().ToArray());

        // ... and the weights matter: unweighted, the same batches train to other numbers.
        manual_seed(3);
        var unweighted = new BlobMlp().Fit(Rows(x, y, w, 0, 72, 16).Map(b => (b.X, b.Y)), epochs: 3, verbose: 0);
        Assert.NotEqual(history.Logs["loss"], unweighted.Logs["loss"]);
    }

    [Fact]
    public void EvaluateOnAWeightedDatasetEqualsSampleWeight()
    {
        var (x, y) = Blobs.Make(40, seed: 32);
        using var w = arange(40, ScalarType.Int64).remainder(3);   // integer weights are read as float32, as sampleWeight's are
        var model = new BlobMlp();
        var expected = model.Evaluate(x, y, batchSize: 16, verbose: 0, sampleWeight: w);
        var streamed = model.Evaluate(Rows(x, y, w, 0, 40, 16), verbose: 0);

        Assert.Equal(expected.Values, streamed.Values);
        Assert.NotEqual(model.Evaluate(x, y, batchSize: 16, verbose: 0).Values, streamed.Values);
    }

    [Fact]
    public void BadWeightsAreNamedByTheirBatch()
    {
        var (x, y) = Blobs.Make(32, seed: 33);
        var negative = ones(32);
        negative[18] = tensor(-1f);
        var error = Assert.Throws<ArgumentException>(() => new BlobMlp().Fit(Rows(x, y, negative, 0, 32, 16), verbose: 0));
        Assert.Equal("data.SampleWeight (batch 1) must be finite and >= 0; it has -1 at sample 2. (Parameter 'sampleWeight')", error.Message);

        var perPixel = Dataset.Range(1).Map(_ => (x.narrow(0, 0, 16).clone(), y.narrow(0, 0, 16).clone(), ones(16, 2)));
        error = Assert.Throws<ArgumentException>(() => new BlobMlp().Evaluate(perPixel, verbose: 0));
        Assert.StartsWith("data.SampleWeight (batch 0) must hold one number per sample of data.X (batch 0), shape (16,); got shape (16, 2)", error.Message);
    }
}
