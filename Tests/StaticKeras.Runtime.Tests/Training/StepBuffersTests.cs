using System;
using StaticKeras.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

public sealed class StepBuffersTests
{
    [Fact]
    public void ABufferHasTheBatchOfItsLikeTensorAndThePlannedShape()
    {
        using var buffers = new StepBuffers([128], [5, 7]);

        var first = buffers.Get(0, zeros(32, 3));
        var second = buffers.Get(1, zeros(32, 3, dtype: ScalarType.Float64));

        Assert.Equal([32L, 128], first.shape);
        Assert.Equal(ScalarType.Float32, first.dtype);
        Assert.Equal([32L, 5, 7], second.shape);
        Assert.Equal(ScalarType.Float64, second.dtype);
    }

    [Fact]
    public void TheFullAndTheLastSmallerBatchStayAllocatedAcrossSteps()
    {
        using var buffers = new StepBuffers([4]);
        var (full, last) = (zeros(32, 1), zeros(8, 1));

        var a = buffers.Get(0, full);
        var b = buffers.Get(0, last);
        var created = Created();

        // Epoch after epoch: the same two tensors, nothing created.
        for (var step = 0; step < 3; step++)
        {
            Assert.Same(a, buffers.Get(0, full));
            Assert.Same(a, buffers.Get(0, full));
            Assert.Same(b, buffers.Get(0, last));
        }

        Assert.Equal(created, Created());
        Assert.Equal([8L, 4], b.shape);
    }

    [Fact]
    public void AThirdBatchSizeReplacesTheLeastRecentlyUsedOne()
    {
        using var buffers = new StepBuffers([4]);
        var a = buffers.Get(0, zeros(32, 1));
        var b = buffers.Get(0, zeros(8, 1));
        _ = buffers.Get(0, zeros(32, 1));

        var c = buffers.Get(0, zeros(16, 1));

        Assert.Same(a, buffers.Get(0, zeros(32, 1)));
        Assert.Equal([16L, 4], c.shape);
        Assert.True(b.IsInvalid, "the evicted batch size's buffer is freed");
    }

    [Fact]
    public void ANewDtypeGetsANewBuffer()
    {
        using var buffers = new StepBuffers([4]);
        var single = buffers.Get(0, zeros(2, 1));

        var twice = buffers.Get(0, zeros(2, 1, dtype: ScalarType.Float64));

        Assert.NotSame(single, twice);
        Assert.Equal(ScalarType.Float64, twice.dtype);
    }

    [Fact]
    public void BuffersOutliveTheStepsDisposeScope()
    {
        using var buffers = new StepBuffers([4]);
        Tensor buffer;
        using (NewDisposeScope())
        {
            buffer = buffers.Get(0, zeros(2, 1));
        }

        Assert.False(buffer.IsInvalid);
        Assert.Same(buffer, buffers.Get(0, zeros(2, 1)));
    }

    [Fact]
    public void BadPlansAndIndicesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new StepBuffers([4, 0]));
        Assert.Contains("(batch, 4, 0)", error.Message);
        using var buffers = new StepBuffers([4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffers.Get(1, zeros(2, 1)));
    }

    private static long Created() =>
        DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount + DisposeScopeManager.Statistics.TensorStatistics.CreatedOutsideScopeCount;
}
