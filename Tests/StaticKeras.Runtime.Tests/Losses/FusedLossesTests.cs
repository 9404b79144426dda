using System;
using StaticKeras.Losses;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Losses;

/// <summary>
/// The fused sparse cross-entropy against the loss, its gradient and softmax computed apart (the path the
/// autograd step and a step without buffers take): the same values to round-off, in the buffers given, and
/// the same errors for bad labels.
/// </summary>
public sealed class FusedLossesTests
{
    [Theory]
    [InlineData(ScalarType.Float64, false, 1e-14)]
    [InlineData(ScalarType.Float64, true, 1e-14)]
    [InlineData(ScalarType.Float32, false, 1e-6)]
    [InlineData(ScalarType.Float32, true, 1e-6)]
    public void TheOnePassGivesTheSeparateLossGradientAndSoftmax(ScalarType dtype, bool weighted, double tolerance)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var logits = (randn(6, 5, dtype: dtype) * 4).contiguous();
        var labels = randint(0, 5, [6], dtype: ScalarType.Int64);
        var weights = weighted ? rand(6, dtype: dtype) : null;
        var (probabilities, gradient, held) = (empty_like(logits), empty_like(logits), empty([], dtype));

        var loss = FusedLosses.SparseCategoricalCrossentropy(labels, logits, weights, probabilities, gradient, held);

        Assert.Same(held, loss);
        AssertClose(LossFunctions.SparseCategoricalCrossentropy(labels, logits, true, weights), loss, tolerance);
        AssertClose(LossGradients.SparseCategoricalCrossentropy(labels, logits, true, weights), gradient, tolerance);
        AssertClose(logits.softmax(-1), probabilities, tolerance);
    }

    [Fact]
    public void LabelsWithATrailingAxisAndLogitsOverTimeAreReducedAsKerasDoes()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var logits = randn(3, 4, 6, dtype: ScalarType.Float64);
        var labels = randint(0, 6, [3, 4, 1], dtype: ScalarType.Int64);
        var weights = rand(3, dtype: ScalarType.Float64);
        var (probabilities, gradient) = (empty_like(logits), empty_like(logits));

        var loss = FusedLosses.SparseCategoricalCrossentropy(labels, logits, weights, probabilities, gradient, empty([], ScalarType.Float64));

        AssertClose(LossFunctions.SparseCategoricalCrossentropy(labels, logits, true, weights), loss, 1e-14);
        AssertClose(LossGradients.SparseCategoricalCrossentropy(labels, logits, true, weights), gradient, 1e-14);
    }

    [Fact]
    public void OnCpuFloatTensorsItCreatesNoTensor()
    {
        using var scope = NewDisposeScope();
        var logits = randn(8, 10);
        var labels = randint(0, 10, [8], dtype: ScalarType.Int64);
        var (probabilities, gradient, held) = (empty_like(logits), empty_like(logits), empty([]));
        using var noGrad = no_grad();

        var before = DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount;
        FusedLosses.SparseCategoricalCrossentropy(labels, logits, null, probabilities, gradient, held);

        Assert.Equal(before, DisposeScopeManager.Statistics.TensorStatistics.CreatedInScopeCount);
    }

    [Fact]
    public void WithoutAHeldScalarTheLibtorchPathFillsTheBuffersAndReturnsANewLoss()
    {
        using var scope = NewDisposeScope();
        var logits = randn(4, 3);
        var labels = tensor(new long[] { 0, 2, 1, 2 });
        var (probabilities, gradient) = (empty_like(logits), empty_like(logits));

        var loss = FusedLosses.SparseCategoricalCrossentropy(labels, logits, null, probabilities, gradient);

        AssertClose(LossFunctions.SparseCategoricalCrossentropy(labels, logits, true), loss, 0);
        AssertClose(LossGradients.SparseCategoricalCrossentropy(labels, logits, true, null), gradient, 0);
        AssertClose(logits.softmax(-1), probabilities, 0);
    }

    [Fact]
    public void BadLabelsGetTheLossFunctionsErrors()
    {
        using var scope = NewDisposeScope();
        var logits = randn(4, 3);
        var (probabilities, gradient, held) = (empty_like(logits), empty_like(logits), empty([]));

        var floats = Assert.Throws<ArgumentException>(() =>
            FusedLosses.SparseCategoricalCrossentropy(rand(4), logits, null, probabilities, gradient, held));
        Assert.Contains("SparseCategoricalCrossentropy expects integer class labels", floats.Message, StringComparison.Ordinal);
        var shape = Assert.Throws<ArgumentException>(() =>
            FusedLosses.SparseCategoricalCrossentropy(tensor(new long[] { 0, 1 }), logits, null, probabilities, gradient, held));
        Assert.Contains("expects labels of shape (4,)", shape.Message, StringComparison.Ordinal);
        var buffers = Assert.Throws<ArgumentException>(() =>
            FusedLosses.SparseCategoricalCrossentropy(tensor(new long[] { 0, 1, 2, 0 }), logits, null, empty(4, 2), gradient, held));
        Assert.Contains("expected the logits' shape (4, 3)", buffers.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelOutOfRangeFailsAsTheSeparateLossDoes()
    {
        using var scope = NewDisposeScope();
        var logits = randn(2, 3);
        var labels = tensor(new long[] { 1, 3 });
        var separate = Record.Exception(() => LossFunctions.SparseCategoricalCrossentropy(labels, logits, true));
        var fused = Record.Exception(() => FusedLosses.SparseCategoricalCrossentropy(labels, logits, null, empty_like(logits), empty_like(logits), empty([])));

        Assert.NotNull(separate);
        Assert.Equal(separate.GetType(), fused?.GetType());
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs().max().item<double>();
        Assert.True(difference <= tolerance, $"max difference {difference} > {tolerance}");
    }
}
