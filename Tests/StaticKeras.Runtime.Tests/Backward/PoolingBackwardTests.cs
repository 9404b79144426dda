using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;
using Padding = StaticKeras.Layers.Padding;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class PoolingBackwardTests
{
    [Theory]
    [InlineData(2, 2, 2, 2, Padding.Valid)]
    [InlineData(3, 2, 2, 1, Padding.Valid)]
    [InlineData(3, 3, 2, 2, Padding.Same)]
    [InlineData(2, 3, 1, 2, Padding.Same)]
    public void Pooling2DMatchesAutograd(int poolH, int poolW, int strideH, int strideW, Padding padding)
    {
        random.manual_seed(21);
        // Overlapping windows (stride < pool) make one cell win several windows: its gradients sum.
        var max = new MaxPooling2D((poolH, poolW), (strideH, strideW), padding);
        var average = new AveragePooling2D((poolH, poolW), (strideH, strideW), padding);
        foreach (var x in new[] { randn(2, 7, 9, 3, ScalarType.Float64), randn(3, 8, 5, 2, ScalarType.Float64) })
        {
            BackwardCheck.Layer(max, x, max.Backward);
            BackwardCheck.Layer(average, x, average.Backward);
        }
    }

    [Theory]
    [InlineData(2, null, Padding.Valid)]
    [InlineData(3, 1, Padding.Valid)]
    [InlineData(3, 2, Padding.Same)]
    [InlineData(4, 3, Padding.Same)]
    public void Pooling1DMatchesAutograd(int pool, int? stride, Padding padding)
    {
        random.manual_seed(22);
        var max = new MaxPooling1D(pool, stride, padding);
        var average = new AveragePooling1D(pool, stride, padding);
        foreach (var x in new[] { randn(2, 11, 3, ScalarType.Float64), randn(4, 8, 1, ScalarType.Float64) })
        {
            BackwardCheck.Layer(max, x, max.Backward);
            BackwardCheck.Layer(average, x, average.Backward);
        }
    }

    [Fact]
    public void MaxPoolingOnTheSampleCnnShapes()
    {
        random.manual_seed(23);
        var pool = new MaxPooling2D();
        BackwardCheck.Layer(pool, randn(4, 26, 26, 32, ScalarType.Float64), pool.Backward);
        BackwardCheck.Layer(pool, randn(4, 11, 11, 64, ScalarType.Float64), pool.Backward);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlobalPoolingMatchesAutograd(bool keepdims)
    {
        random.manual_seed(24);
        Layer[] twoD = [new GlobalAveragePooling2D(keepdims), new GlobalMaxPooling2D(keepdims)];
        Layer[] oneD = [new GlobalAveragePooling1D(keepdims), new GlobalMaxPooling1D(keepdims)];
        var x2 = randn(3, 5, 7, 4, ScalarType.Float64);
        var x1 = randn(3, 9, 4, ScalarType.Float64);
        BackwardCheck.Layer(twoD[0], x2, ((GlobalAveragePooling2D)twoD[0]).Backward);
        BackwardCheck.Layer(twoD[1], x2, ((GlobalMaxPooling2D)twoD[1]).Backward);
        BackwardCheck.Layer(oneD[0], x1, ((GlobalAveragePooling1D)oneD[0]).Backward);
        BackwardCheck.Layer(oneD[1], x1, ((GlobalMaxPooling1D)oneD[1]).Backward);
    }

    [Fact]
    public void GlobalMaxPoolingSplitsTiesAsAutogradDoes()
    {
        var pool = new GlobalMaxPooling1D();
        var x = tensor(new double[] { 1, 3, 3, 2 }, ScalarType.Float64).reshape(1, 4, 1);
        BackwardCheck.Layer(pool, x, pool.Backward);
    }
}
