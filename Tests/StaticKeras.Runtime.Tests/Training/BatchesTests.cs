using System.Linq;
using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

/// <summary>Every input, target and sample weight is cut at the same rows, in order or in one shared random order per epoch.</summary>
public class BatchesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryTensorKeepsItsSamplesTogether(bool shuffle)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var ids = arange(10, dtype: ScalarType.Float32);
        var image = ids.reshape(10, 1, 1, 1).expand(10, 2, 2, 1).contiguous();
        var stats = (ids * 10).unsqueeze(1);
        var labels = arange(10, dtype: ScalarType.Int64) + 100;
        var values = ids.unsqueeze(1) - 1;
        using var batches = new Batches([image, stats], [labels, values], [null, ids * 2], batchSize: 4, shuffle);

        var seen = new System.Collections.Generic.List<float>();
        foreach (var batch in batches.Epoch())
        {
            var first = batch.X[0][.., 0, 0, 0].data<float>().ToArray();
            Assert.Equal(first.Select(i => i * 10), batch.X[1][.., 0].data<float>().ToArray());
            Assert.Equal(first.Select(i => (long)i + 100), batch.Y[0].data<long>().ToArray());
            Assert.Equal(first.Select(i => i - 1), batch.Y[1][.., 0].data<float>().ToArray());
            Assert.Null(batch.SampleWeight[0]);
            Assert.Equal(first.Select(i => i * 2), batch.SampleWeight[1]!.data<float>().ToArray());
            Assert.Equal(first.Length, batch.Size);
            seen.AddRange(first);
        }

        Assert.Equal(3, batches.Steps);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), seen.Order());
        Assert.Equal(!shuffle, seen.SequenceEqual(Enumerable.Range(0, 10).Select(i => (float)i)));
    }

    [Fact]
    public void EachEpochShufflesAnew()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var batches = new Batches([arange(40, dtype: ScalarType.Float32).unsqueeze(1)], [arange(40)], null, batchSize: 40, shuffle: true);
        var first = batches.Epoch().Single().Y[0].data<long>().ToArray();
        var second = batches.Epoch().Single().Y[0].data<long>().ToArray();
        Assert.NotEqual(first, second);
        Assert.Equal(first.Order(), second.Order());
    }

    [Fact]
    public void WithoutWeightsEveryBatchHasANullPerOutput()
    {
        using var scope = NewDisposeScope();
        using var batches = new Batches([zeros(5, 2)], [zeros(5, 1), zeros(5, 3)], null, batchSize: 2, shuffle: false);
        var epoch = batches.Epoch().ToList();
        Assert.Equal([2L, 2L, 1L], epoch.Select(b => b.Size));
        Assert.All(epoch, b => Assert.Equal([null, null], b.SampleWeight));
    }

    [Fact]
    public void ABatchIsCutInTheScopeThatReachesIt()
    {
        using var batches = new Batches([zeros(4, 2)], [zeros(4, 1)], null, batchSize: 2, shuffle: false);
        using var epoch = batches.Epoch().GetEnumerator();
        Tensor x;
        using (NewDisposeScope())
        {
            Assert.True(epoch.MoveNext());
            x = epoch.Current.X[0];
            Assert.False(x.IsInvalid);
        }

        Assert.True(x.IsInvalid);
    }
}
