using System.Linq;
using StaticKeras.Runtime.Tests.TestSupport;
using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

public class BatchesWeightsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WeightsFollowTheirSamplesInEveryOrder(bool shuffle)
    {
        manual_seed(4);
        var (x, y) = Blobs.Numbered(7);
        var weights = arange(7, dtype: ScalarType.Float32) * 10;
        using var batches = new Batches(x, y, batchSize: 3, shuffle, weights);
        batches.BeginEpoch();
        for (var step = 0; step < batches.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var ids = Blobs.Ids(batches.Get(step).X);
            Assert.Equal(ids.Select(i => i * 10f), batches.Weights(step)!.data<float>().ToArray());
        }
    }

    [Fact]
    public void WithoutWeightsThereAreNone()
    {
        var (x, y) = Blobs.Numbered(2);
        using var batches = new Batches(x, y, batchSize: 3, shuffle: false);
        Assert.Null(batches.Weights(0));
    }
}
