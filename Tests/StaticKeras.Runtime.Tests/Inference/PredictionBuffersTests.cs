using StaticKeras.Inference;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Inference;

public class PredictionBuffersTests
{
    [Fact]
    public void WriteCopiesAContiguousBatchIntoItsRowsAndNothingElse()
    {
        using var scope = NewDisposeScope();
        var output = zeros(5, 2, 3);
        var batch = arange(12, dtype: ScalarType.Float32).reshape(2, 2, 3);

        PredictionBuffers.Write(output, 2, 2, batch);

        Assert.True(output.narrow(0, 2, 2).allclose(batch, rtol: 0, atol: 0));
        Assert.Equal(0f, output.narrow(0, 0, 2).abs().sum().item<float>());
        Assert.Equal(0f, output.narrow(0, 4, 1).abs().sum().item<float>());
    }

    [Fact]
    public void WriteCopiesAViewWithAnOffsetOrAStridedBatchByValue()
    {
        using var scope = NewDisposeScope();
        var output = zeros(4, 3);
        var source = arange(24, dtype: ScalarType.Float32).reshape(8, 3);
        var offsetView = source.narrow(0, 5, 2);   // contiguous, storage offset 15: a memory copy
        var strided = source.narrow(0, 0, 3).t();  // (3, 3) transposed, not contiguous: libtorch's copy
        Assert.False(strided.is_contiguous());

        PredictionBuffers.Write(output, 0, 2, offsetView);
        var second = zeros(3, 3);
        PredictionBuffers.Write(second, 0, 3, strided);

        Assert.True(output.narrow(0, 0, 2).allclose(offsetView, rtol: 0, atol: 0));
        Assert.Equal(0f, output.narrow(0, 2, 2).abs().sum().item<float>());
        Assert.True(second.allclose(strided, rtol: 0, atol: 0));
    }
}
