using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public class FlattenTests
{
    [Fact]
    public void KeepsBatchAndFlattensChannelsLastInRowMajorOrder()
    {
        using var x = arange(24, dtype: ScalarType.Float32).reshape(2, 2, 3, 2);   // (batch, H, W, C)
        var y = new Flatten().Call(x);
        Assert.Equal([2L, 12], y.shape);
        // sample 1, (h=0, w=1, c=1) is element 12 + 0*6 + 1*2 + 1 = 15, at position 3 of its row
        Assert.Equal(15f, y[1, 3].item<float>());
    }

    [Fact]
    public void BatchOfScalarsBecomesOneColumn()
    {
        using var x = tensor(new float[] { 1, 2, 3 });
        var y = new Flatten().Call(x);
        Assert.Equal([3L, 1], y.shape);
        Approx.Equal([1, 2, 3], y, 0);
    }

    [Fact]
    public void EmptyBatchKeepsItsFeatureCount()
    {
        using var x = zeros(0, 4, 5);
        Assert.Equal([0L, 20], new Flatten().Call(x).shape);
    }
}
