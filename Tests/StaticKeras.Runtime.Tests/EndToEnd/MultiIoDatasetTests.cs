using System;
using System.Linq;
using StaticKeras.Data;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>
/// A model with several inputs and outputs trains, evaluates and predicts on a dataset of its typed
/// Inputs/Targets batches, through the same loop as its in-memory records, each batch checked and
/// named with its input or output and its number.
/// </summary>
public sealed class MultiIoDatasetTests
{
    // Rows of the records, made anew on every pass as a streaming source makes them.
    private static Dataset<(TwoHeadNet.Inputs X, TwoHeadNet.Targets Y)> Rows(TwoHeadNet.Inputs x, TwoHeadNet.Targets y, int batchSize, int workers = 1) =>
        Dataset.Range(x.Image.shape[0]).Batch(batchSize).Map(rows =>
        {
            var index = tensor(rows);
            return (new TwoHeadNet.Inputs(x.Image.index_select(0, index), x.Stats.index_select(0, index)),
                new TwoHeadNet.Targets(y.Cls.index_select(0, index), y.Value.index_select(0, index)));
        }, workers);

    [Fact]
    public void FitOnTypedBatchesTrainsExactlyAsOnTheSameRecordsInMemory()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MultiIoModelTests.Synthetic(96);
        var (xVal, yVal) = MultiIoModelTests.Synthetic(32);
        manual_seed(3);
        using var inMemory = new TwoHeadNet();
        var expected = inMemory.Fit(x, y, epochs: 2, batchSize: 16, shuffle: false, verbose: 0, validationData: (xVal, yVal));
        manual_seed(3);
        using var streamed = new TwoHeadNet();
        var history = streamed.Fit(Rows(x, y, 16, workers: 2).Prefetch(2), epochs: 2, verbose: 0, validationData: Rows(xVal, yVal, 16));

        Assert.Equal(expected.Logs.Keys, history.Logs.Keys);
        foreach (var key in expected.Logs.Keys)
        {
            Assert.Equal(expected.Logs[key], history.Logs[key]);
        }

        Assert.Equal(inMemory.Evaluate(x, y, verbose: 0).Values, streamed.Evaluate(Rows(x, y, 32), verbose: 0).Values);
        var predicted = streamed.Predict(Rows(x, y, 40).Map(b => b.X));
        var reference = inMemory.Predict(x);
        Assert.Equal(reference.Cls.data<float>().ToArray(), predicted.Cls.data<float>().ToArray());
        Assert.Equal(reference.Value.data<float>().ToArray(), predicted.Value.data<float>().ToArray());
    }

    [Fact]
    public void ABadTypedBatchIsNamedByItsInputAndNumber()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MultiIoModelTests.Synthetic(32);
        var bad = Dataset.Range(2).Map(i => i == 0
            ? (new TwoHeadNet.Inputs(rand(8, 8, 8, 1), rand(8, 4)), new TwoHeadNet.Targets(zeros(8, dtype: ScalarType.Int64), rand(8, 1)))
            : (new TwoHeadNet.Inputs(rand(8, 8, 9, 1), rand(8, 4)), new TwoHeadNet.Targets(zeros(8, dtype: ScalarType.Int64), rand(8, 1))));
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(bad, verbose: 0));

        Assert.Equal("image", error.ParamName);
        Assert.StartsWith("TwoHeadNet expects input 'image' (batch 1) of shape (batch, 8, 8, 1) and dtype float32; got shape (8, 8, 9, 1)", error.Message);
        var badTarget = Dataset.Range(1).Map(_ =>
            (new TwoHeadNet.Inputs(rand(8, 8, 8, 1), rand(8, 4)), new TwoHeadNet.Targets(full(8, 5L), rand(8, 1))));
        Assert.Contains("target 'cls' (batch 0)", Assert.Throws<ArgumentException>(() => model.Evaluate(badTarget, verbose: 0)).Message);
        var validation = Dataset.Range(1).Map(_ =>
            (new TwoHeadNet.Inputs(rand(8, 8, 8, 1), rand(8, 5)), new TwoHeadNet.Targets(zeros(8, dtype: ScalarType.Int64), rand(8, 1))));
        Assert.Contains("validation input 'stats' (batch 0)",
            Assert.Throws<ArgumentException>(() => model.Fit(Rows(x, y, 16), verbose: 0, validationData: validation)).Message);
    }

    [Fact]
    public void TheOneTensorDatasetApiNamesTheTypedOne()
    {
        using var model = new TwoHeadNet();
        var error = Assert.Throws<NotSupportedException>(() => model.Fit(Dataset.From(Array.Empty<(Tensor, Tensor)>()), verbose: 0));
        Assert.EndsWith("call Fit(TwoHeadNet.Inputs, TwoHeadNet.Targets).", error.Message);
    }
}
