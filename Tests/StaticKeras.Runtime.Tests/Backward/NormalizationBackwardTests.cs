using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class NormalizationBackwardTests
{
    [Theory]
    [InlineData(-1, true, true)]
    [InlineData(1, true, false)]
    [InlineData(2, false, true)]
    [InlineData(-1, false, false)]
    public void BatchNormalizationInTrainingMatchesAutograd(int axis, bool center, bool scale)
    {
        random.manual_seed(41);
        var norm = Built(new BatchNormalization(axis, center: center, scale: scale), 5, 4, 3);
        BackwardCheck.Layer(norm, 2 + 3 * randn(6, 5, 4, 3, ScalarType.Float64), (g, x, y, into) => norm.Backward(g, x, y, into), training: true);
    }

    [Fact]
    public void BatchNormalizationInInferenceMatchesAutograd()
    {
        random.manual_seed(42);
        var norm = Built(new BatchNormalization(), 7);
        using (no_grad())
        {
            norm.MovingMean.uniform_(-1, 1);
            norm.MovingVariance.uniform_(0.5, 2);
        }

        BackwardCheck.Layer(norm, randn(4, 7, ScalarType.Float64), (g, x, y, into) => norm.Backward(g, x, y, into, training: false), training: false);
    }

    [Fact]
    public void TrainingStepUpdatesMovingStatisticsOnceAsKeras()
    {
        // Keras: moving = moving * momentum + batch * (1 - momentum), with the biased batch variance;
        // the forward does it, the backward leaves the statistics alone.
        random.manual_seed(43);
        var norm = Built(new BatchNormalization(momentum: 0.9), 3);
        var x = 1 + 2 * randn(8, 3, ScalarType.Float64);
        var mean = x.mean([0]);
        var variance = x.var([0], unbiased: false);
        var y = norm.Call(x, training: true);
        norm.Backward(randn_like(y), x, y);
        BackwardCheck.AssertRelative(0.1 * mean, norm.MovingMean, "moving mean");
        BackwardCheck.AssertRelative(0.9 + 0.1 * variance, norm.MovingVariance, "moving variance");
    }

    [Theory]
    [InlineData(new[] { -1 }, true, true)]
    [InlineData(new[] { 1 }, true, true)]
    [InlineData(new[] { 2, 3 }, true, false)]
    [InlineData(new[] { -1, 1 }, false, true)]
    [InlineData(new[] { 1, 2, 3 }, true, true)]
    public void LayerNormalizationMatchesAutograd(int[] axis, bool center, bool scale)
    {
        random.manual_seed(44);
        var norm = Built(new LayerNormalization(axis, center: center, scale: scale), 5, 4, 3);
        BackwardCheck.Layer(norm, 1 + 2 * randn(2, 5, 4, 3, ScalarType.Float64), norm.Backward);
    }

    [Fact]
    public void LayerNormalizationWithASymbolicAxis()
    {
        // Normalizing the last axis of (batch, time, 6) with time unknown at build time.
        random.manual_seed(45);
        var norm = Built(new LayerNormalization(), -1, 6);
        BackwardCheck.Layer(norm, randn(2, 3, 6, ScalarType.Float64), norm.Backward);
        BackwardCheck.Layer(norm, randn(2, 8, 6, ScalarType.Float64), norm.Backward);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NormalizationMatchesAutograd(bool invert)
    {
        random.manual_seed(47);
        var norm = Built(new Normalization([1], invert: invert), 5, 4);
        using (no_grad())
        {
            norm.Mean.uniform_(-1, 1);
            norm.Variance.uniform_(0.5, 2);
        }

        BackwardCheck.Layer(norm, randn(3, 5, 4, ScalarType.Float64), norm.Backward);
    }

    [Fact]
    public void BackwardWeightsGivesTheSameWeightGradients()
    {
        random.manual_seed(46);
        var batch = Built(new BatchNormalization(), 4, 3);
        var layer = Built(new LayerNormalization([1, 2]), 4, 3);
        var x = randn(5, 4, 3, ScalarType.Float64);
        foreach (var (norm, backward, weights) in new (Layer, LayerBackward, System.Action<Tensor, Tensor, Tensor>)[]
        {
            (batch, (g, i, o, into) => batch.Backward(g, i, o, into), (g, i, o) => batch.BackwardWeights(g, i, o)),
            (layer, layer.Backward, layer.BackwardWeights),
        })
        {
            var y = norm.Call(x, training: true);
            var g = randn_like(y);
            backward(g, x, y, null);
            var expected = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(norm.parameters(), p => p.grad!.clone()));
            weights(g, x, y);
            var i = 0;
            foreach (var p in norm.parameters())
            {
                BackwardCheck.AssertRelative(2 * expected[i++], p.grad!, "after Backward and BackwardWeights");
            }
        }
    }

    private static T Built<T>(T layer, params long[] shape) where T : Layer
    {
        layer.Build(shape);
        layer.to(ScalarType.Float64);
        using var noGrad = no_grad();
        foreach (var weight in layer.parameters())
        {
            weight.uniform_(0.5, 1.5);
        }

        return layer;
    }
}
