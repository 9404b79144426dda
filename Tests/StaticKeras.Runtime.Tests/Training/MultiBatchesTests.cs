using System.Linq;
using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

/// <summary>Several inputs and targets are cut at the same rows, in order or in one shared random order.</summary>
public class MultiBatchesTests
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
        using var batches = new MultiBatches([image, stats], [labels], samples: 10, batchSize: 4, shuffle);
        batches.BeginEpoch();

        var seen = new System.Collections.Generic.List<float>();
        for (var step = 0; step < batches.Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var (x, y) = batches.Get(step);
            var first = x[0][.., 0, 0, 0].data<float>().ToArray();
            Assert.Equal(first.Select(i => i * 10), x[1][.., 0].data<float>().ToArray());
            Assert.Equal(first.Select(i => (long)i + 100), y[0].data<long>().ToArray());
            seen.AddRange(first);
        }

        Assert.Equal(3, batches.Steps);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), seen.Order());
        Assert.Equal(!shuffle, seen.SequenceEqual(Enumerable.Range(0, 10).Select(i => (float)i)));
    }
}
