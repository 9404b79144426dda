using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

/// <summary>The metrics read each batch's loss and matches through libtorch's item: the values of TorchSharp's item&lt;T&gt;().</summary>
public sealed class ScalarValueTests
{
    [Fact]
    public void ReadsFloat32Float64Int64AndOtherTypesAsItemDoes()
    {
        using var scope = NewDisposeScope();
        var single = tensor(0.1f).sum();
        var both = tensor(1.0 / 3.0, ScalarType.Float64);
        var count = tensor(9_007_199_254_740_993L);   // 2^53 + 1: exact as long, and as double only through the long
        var half = tensor(0.5f).to_type(ScalarType.Float16);
        using var inference = inference_mode();
        var graded = ones(3, requires_grad: false).sum();

        Assert.Equal((double)single.item<float>(), CompiledMetrics.ScalarValue(single));
        Assert.Equal(both.item<double>(), CompiledMetrics.ScalarValue(both));
        Assert.Equal((double)count.item<long>(), CompiledMetrics.ScalarValue(count));
        Assert.Equal(0.5, CompiledMetrics.ScalarValue(half));
        Assert.Equal(3.0, CompiledMetrics.ScalarValue(graded));
    }
}
