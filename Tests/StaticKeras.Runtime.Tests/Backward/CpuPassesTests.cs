using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>
/// The C# passes of a generated step against the libtorch kernels they stand for: the activations'
/// gradients the same bits, column sums to round-off; and the registered transposed views.
/// </summary>
public sealed class CpuPassesTests
{
    [Theory]
    [InlineData(Activation.Relu, ScalarType.Float32)]
    [InlineData(Activation.Sigmoid, ScalarType.Float32)]
    [InlineData(Activation.Tanh, ScalarType.Float32)]
    [InlineData(Activation.Relu, ScalarType.Float64)]
    [InlineData(Activation.Tanh, ScalarType.Float64)]
    public void ActivationGradientsAreTheKernelsBits(Activation activation, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var output = ActivationFunctions.Apply(randn(37, 19, dtype: dtype), activation);   // 703 values: vector body and tail
        var gradOutput = randn(37, 19, dtype: dtype);
        gradOutput[0, 0] = tensor(double.NaN, dtype);
        var into = empty_like(output);

        Assert.True(CpuPasses.ActivationBackward(gradOutput, output, activation, into));

        var expected = ActivationGradients.Backward(gradOutput, null, output, activation);
        Assert.True(expected.nan_to_num(1234).allclose(into.nan_to_num(1234), rtol: 0, atol: 0), "not the kernel's bits");
    }

    [Fact]
    public void OtherActivationsAndTensorsAreLeftToLibtorch()
    {
        using var scope = NewDisposeScope();
        var (g, y, into) = (randn(4, 3), rand(4, 3), empty(4, 3));

        Assert.False(CpuPasses.ActivationBackward(g, y, Activation.Gelu, into));
        Assert.False(CpuPasses.ActivationBackward(g.t(), y, Activation.Relu, into));   // not contiguous
        Assert.False(CpuPasses.ActivationBackward(g.to_type(ScalarType.Float16), y, Activation.Relu, into));
        Assert.False(CpuPasses.AddColumnSums(g.t(), empty(4)));
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e-5)]
    [InlineData(ScalarType.Float64, 1e-12)]
    public void ColumnSumsAddIntoTheTarget(ScalarType dtype, double tolerance)
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var matrix = randn(33, 300, dtype: dtype);   // more columns than one stack block
        var target = randn(300, dtype: dtype);
        var expected = target + matrix.sum(dim: 0L);

        Assert.True(CpuPasses.AddColumnSums(matrix, target));

        Assert.True(expected.allclose(target, rtol: 0, atol: tolerance));
    }

    [Fact]
    public void ARegisteredMatrixHasOneTransposedViewUntilItMovesOrIsUnregistered()
    {
        using var scope = NewDisposeScope();
        var matrix = randn(3, 5);
        Assert.Null(TransposedViews.Find(matrix));

        TransposedViews.Register(matrix);
        var view = TransposedViews.Find(matrix);

        Assert.NotNull(view);
        Assert.Same(view, TransposedViews.Of(matrix));
        Assert.Equal(new long[] { 5, 3 }, view!.shape);
        Assert.True(view.allclose(matrix.t(), rtol: 0, atol: 0));
        matrix.set_(randn(3, 5));   // rebound to other memory: the view is stale
        Assert.Null(TransposedViews.Find(matrix));
        TransposedViews.Register(matrix);
        TransposedViews.Unregister(matrix);
        Assert.Null(TransposedViews.Find(matrix));
        Assert.NotSame(view, TransposedViews.Of(matrix));
    }

    [Fact]
    public void OnlyMatricesAreRegistered()
    {
        using var scope = NewDisposeScope();
        var vector = randn(4);
        TransposedViews.Register(vector);
        Assert.Null(TransposedViews.Find(vector));
    }
}
