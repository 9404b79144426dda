using StaticKeras.Metrics;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Metrics;

public class MetricFunctionsTests
{
    private static readonly Tensor Scores = tensor(new float[,] { { 0.1f, 0.6f, 0.3f }, { 0.5f, 0.2f, 0.3f }, { 0.2f, 0.2f, 0.6f } });

    [Fact]
    public void SparseCategoricalComparesArgMaxWithLabels()
    {
        using var labels = tensor(new long[] { 1, 2, 2 });
        Approx.Equal([1, 0, 1], MetricFunctions.SparseCategoricalAccuracy(labels, Scores), 0);
        using var column = tensor(new byte[] { 1, 0, 0 }).reshape(3, 1);
        Approx.Equal([1, 1, 0], MetricFunctions.SparseCategoricalAccuracy(column, Scores), 0);
    }

    [Fact]
    public void CategoricalComparesArgMaxes()
    {
        using var oneHot = tensor(new float[,] { { 0, 1, 0 }, { 0, 0, 1 }, { 0, 0, 1 } });
        Approx.Equal([1, 0, 1], MetricFunctions.CategoricalAccuracy(oneHot, Scores), 0);
    }

    [Fact]
    public void BinaryThresholdsAtOneHalfStrictly()
    {
        using var labels = tensor(new long[] { 1, 0, 0, 1 });
        using var probabilities = tensor(new float[,] { { 0.7f }, { 0.5f }, { 0.51f }, { 0.2f } });
        // 0.5 is not > 0.5, so it predicts 0.
        Approx.Equal([1, 1, 0, 0], MetricFunctions.BinaryAccuracy(labels, probabilities), 0);
        Approx.Equal([1, 0, 0, 1], MetricFunctions.BinaryAccuracy(labels, probabilities, threshold: 0.1), 0);
    }

    [Theory]
    [InlineData(new long[] { 8 }, new long[] { 8, 10 }, "SparseCategoricalAccuracy")]
    [InlineData(new long[] { 8, 1 }, new long[] { 8, 10 }, "SparseCategoricalAccuracy")]
    [InlineData(new long[] { 8, 10 }, new long[] { 8, 10 }, "CategoricalAccuracy")]
    [InlineData(new long[] { 8, 1 }, new long[] { 8, 1 }, "BinaryAccuracyAtOneHalf")]
    [InlineData(new long[] { 8 }, new long[] { 8, 1 }, "BinaryAccuracyAtOneHalf")]
    public void ResolvesAccuracyFromShapesAsKerasCompileUtils(long[] labels, long[] predictions, string expected)
    {
        var function = MetricFunctions.ResolveAccuracy(labels, predictions);
        Assert.Equal(expected, function.Method.Name);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void CountedMatchesAreLibtorchsArgMaxMatches(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        // Ties (rounded scores) and a NaN: libtorch's arg-max takes the first largest value, a NaN as largest.
        var predictions = (rand(200, 7, dtype: dtype) * 4).round();
        predictions[5, 3] = tensor(double.NaN, dtype);
        var labels = randint(0, 7, [200], dtype: ScalarType.Int64);
        var (expected, count) = MetricFunctions.SparseCategoricalMatches(labels, predictions);

        Assert.True(MetricFunctions.TryCountSparseMatches(labels, predictions, out var matches));
        Assert.Equal(expected.item<long>(), matches);
        Assert.Equal(200, count);
        Assert.True(MetricFunctions.TryCountSparseMatches(labels.unsqueeze(1), predictions, out var withAxis));
        Assert.Equal(matches, withAxis);
    }

    [Fact]
    public void OtherLabelsAreLeftToTheTensorCount()
    {
        using var scope = NewDisposeScope();
        Assert.False(MetricFunctions.TryCountSparseMatches(tensor(new int[] { 1, 0, 2 }), Scores, out _));
        Assert.False(MetricFunctions.TryCountSparseMatches(tensor(new long[] { 1, 0 }), Scores, out _));
    }
}
