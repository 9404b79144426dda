using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelDatasetTests
{
    // Batches of rows of x and y, made anew on every pass as a streaming source makes them.
    private static Dataset<(Tensor X, Tensor Y)> Rows(Tensor x, Tensor y, int batchSize, int workers = 1) =>
        Dataset.Range(x.shape[0]).Batch(batchSize)
            .Map(rows => (x.index_select(0, tensor(rows)), y.index_select(0, tensor(rows))), workers);

    [Fact]
    public void FitOnADatasetTrainsExactlyAsOnTheSameBatchesInMemory()
    {
        var (x, y) = Blobs.Make(90, seed: 11);
        var (xVal, yVal) = Blobs.Make(30, seed: 12);
        manual_seed(1);
        var inMemory = new BlobMlp();
        var expected = inMemory.Fit(x, y, epochs: 3, batchSize: 16, shuffle: false, verbose: 0, validationData: (xVal, yVal));
        manual_seed(1);
        var streamed = new BlobMlp();
        var history = streamed.Fit(Rows(x, y, 16, workers: 2).Prefetch(3), epochs: 3, verbose: 0, validationData: Rows(xVal, yVal, 16));

        Assert.Equal(expected.Logs.Keys, history.Logs.Keys);
        foreach (var key in expected.Logs.Keys)
        {
            Assert.Equal(expected.Logs[key], history.Logs[key]);
        }

        Assert.Equal(inMemory.state_dict()["hidden.kernel"].data<float>().ToArray(), streamed.state_dict()["hidden.kernel"].data<float>().ToArray());
        Assert.Equal(inMemory.Evaluate(x, y, verbose: 0).Values, streamed.Evaluate(Rows(x, y, 32), verbose: 0).Values);
        Assert.Equal(inMemory.Predict(x).data<float>().ToArray(), streamed.Predict(Rows(x, y, 32).Map(b => b.X)).data<float>().ToArray());
    }

    [Fact]
    public void AShuffledDatasetTrainsWithTheSameOrdersForTheSameSeed()
    {
        var (x, y) = Blobs.Make(64, seed: 13);
        double[] Run()
        {
            manual_seed(2);
            var model = new BlobMlp();
            var data = Dataset.Range(64).Shuffle(64, seed: 5).Batch(8)
                .Map(rows => (x.index_select(0, tensor(rows)), y.index_select(0, tensor(rows))), workers: 3).Prefetch(2);
            return [.. model.Fit(data, epochs: 2, verbose: 0).Logs["loss"]];
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void ABadBatchMidStreamIsNamedByItsNumber()
    {
        var (x, y) = Blobs.Make(48, seed: 14);
        var data = Dataset.Range(3).Map(i => i == 2
            ? (zeros(16, 3, 2), y.narrow(0, 32, 16).clone())
            : (x.narrow(0, i * 16, 16).clone(), y.narrow(0, i * 16, 16).clone()));
        var error = Assert.Throws<ArgumentException>(() => new BlobMlp().Fit(data, verbose: 0));
        Assert.StartsWith("BlobMlp expects data.X (batch 2) of shape (batch, 2, 2) and dtype float32; got shape (16, 3, 2)", error.Message);

        var badLabels = Dataset.Range(1).Map(_ => (x.narrow(0, 0, 16).clone(), full(16, 7L)));
        error = Assert.Throws<ArgumentException>(() => new BlobMlp().Fit(badLabels, verbose: 0));
        Assert.Contains("data.Y (batch 0)", error.Message);
    }

    [Fact]
    public void ReusedTensorsAreRefusedWithAnExplanation()
    {
        var (x, y) = Blobs.Make(32, seed: 15);
        var fixedBatches = Dataset.From([(x.narrow(0, 0, 16).clone(), y.narrow(0, 0, 16).clone())]);
        var error = Assert.Throws<InvalidOperationException>(() => new BlobMlp().Fit(fixedBatches, epochs: 2, verbose: 0));
        Assert.Contains("Batch 0 of the dataset holds a null or disposed tensor", error.Message);
        Assert.Contains("build them in Map", error.Message);
    }

    [Fact]
    public void ADatasetOfUnknownLengthShowsItsStepsOnceReadAndItsThroughput()
    {
        var (x, y) = Blobs.Make(40, seed: 16);
        var unknown = Dataset.From(() => Rows(x, y, 16).AsEnumerable());   // count not given
        Assert.Null(unknown.Count);
        var writer = new StringWriter();
        var recorder = new RecordingCallback();
        new BlobMlp().Fit(unknown, epochs: 2, verbose: 2, callbacks: [recorder, new ProgbarLogger(writer, new StepClock(0.01))]);

        Assert.False(recorder.ParamsSeen[0].ContainsKey("steps"));
        var lines = writer.ToString().Split('\n');
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(@"^3/3 - 0s - \d+ms/step - \d+ samples/s - accuracy: ", lines[1]);
        Assert.Equal(3, recorder.Calls.Count(c => c.StartsWith("train_batch_begin", StringComparison.Ordinal)) / 2);
    }

    [Fact]
    public void AnEmptyDatasetIsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => new BlobMlp().Fit(Dataset.From(Array.Empty<(Tensor, Tensor)>()), verbose: 0));
        Assert.Equal("The dataset yielded no batch: there must be at least one per pass.", error.Message);
    }

    [Fact]
    public void CheckFiniteInputsChecksEveryBatchOfADataset()
    {
        var (x, y) = Blobs.Make(32, seed: 17);
        var data = Dataset.Range(2).Map(i =>
        {
            var batch = x.narrow(0, i * 16, 16).clone();
            if (i == 1)
            {
                batch[3, 1, 0] = tensor(float.NaN);
            }

            return (batch, y.narrow(0, i * 16, 16).clone());
        });
        var model = new BlobMlp();
        model.Fit(data, verbose: 0);   // off by default, as in Keras

        model.CheckFiniteInputs = true;
        var error = Assert.Throws<ArgumentException>(() => model.Fit(data, verbose: 0));
        Assert.Contains("data.X (batch 1) holds NaN in sample 3 (at [3, 1, 0])", error.Message);
    }
}
