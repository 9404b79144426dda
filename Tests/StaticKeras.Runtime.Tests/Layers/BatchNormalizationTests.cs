using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class BatchNormalizationTests
{
    [Theory]
    [InlineData(-1, true, true)]
    [InlineData(1, true, true)]
    [InlineData(2, false, true)]
    [InlineData(-1, true, false)]
    public void Conforms(int axis, bool center, bool scale)
    {
        // input (3, 4, 5); the feature axis counts the batch as 0.
        long features = new long[] { 3, 4, 5 }[axis < 0 ? 2 : axis - 1];
        int featureAxis = axis < 0 ? 3 : axis;
        string[] names = [.. scale ? new[] { "gamma" } : [], .. center ? new[] { "beta" } : [], "moving_mean", "moving_variance"];
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new BatchNormalization(axis, center: center, scale: scale),
            BuildShape = [3, 4, 5],
            Shapes = [([6, 3, 4, 5], [6, 3, 4, 5]), ([2, 3, 4, 5], [2, 3, 4, 5])],
            Trainable = features * ((center ? 1 : 0) + (scale ? 1 : 0)),
            NonTrainable = 2 * features,
            WeightNames = names,
            Perturb = layer =>
            {
                var bn = (BatchNormalization)layer;
                bn.Gamma?.uniform_(0.5, 2);
                bn.Beta?.uniform_(-1, 1);
                bn.MovingMean.uniform_(-1, 1);
                bn.MovingVariance.uniform_(0.5, 2);
            },
            Reference = (layer, x) =>
            {
                var bn = (BatchNormalization)layer;
                return Normalize(x, featureAxis, bn.MovingMean, bn.MovingVariance, bn);
            },
            TrainingBehaviour = (layer, x) =>
            {
                var bn = (BatchNormalization)layer;
                var (mean, variance) = BatchMoments(x, featureAxis);
                var expectedMean = bn.MovingMean * 0.99 + mean * 0.01;
                var expectedVariance = bn.MovingVariance * 0.99 + variance * 0.01;
                Numerics.AssertClose(Normalize(x, featureAxis, mean, variance, bn), bn.Call(x, training: true), 1e-10, "training output");
                Numerics.AssertClose(expectedMean, bn.MovingMean, 1e-12, "moving_mean after one step");
                Numerics.AssertClose(expectedVariance, bn.MovingVariance, 1e-12, "moving_variance after one step");
                var updatedMean = bn.MovingMean.clone();
                Numerics.AssertClose(Normalize(x, featureAxis, expectedMean, expectedVariance, bn), bn.Call(x), 1e-10, "inference output");
                Numerics.AssertClose(updatedMean, bn.MovingMean, 0, "moving_mean after an inference call");
            },
        });
    }

    [Fact]
    public void FollowsKerasUpdateRuleWithBiasedVariance()
    {
        // One feature, batch [1, 2, 3, 6]: mean 3, biased variance 3.5 (unbiased would be 14/3).
        var bn = new BatchNormalization();
        var x = tensor(new double[] { 1, 2, 3, 6 }).reshape(4, 1);
        bn.Build(1);
        bn.to(ScalarType.Float64);

        var training = bn.Call(x, training: true);
        Numerics.AssertClose(Numerics.Doubles([-2, -1, 0, 3], 4, 1) / Math.Sqrt(3.501), training, 1e-15, "training output");
        Numerics.AssertClose(Numerics.Doubles([0.03], 1), bn.MovingMean, 1e-15, "0 * 0.99 + 3 * 0.01");
        Numerics.AssertClose(Numerics.Doubles([1.025], 1), bn.MovingVariance, 1e-15, "1 * 0.99 + 3.5 * 0.01");

        var inference = bn.Call(x);
        Numerics.AssertClose(Numerics.Doubles([0.97, 1.97, 2.97, 5.97], 4, 1) / Math.Sqrt(1.026), inference, 1e-15, "inference output");
    }

    [Fact]
    public void ForwardUsesTheModuleTrainingFlag()
    {
        var bn = new BatchNormalization(momentum: 0.5);
        bn.Build(2);
        bn.train();
        bn.forward(ones(3, 2) * 4);
        Numerics.AssertClose(Numerics.Doubles([2, 2], 2), bn.MovingMean, 0, "updated in train()");
        bn.eval();
        bn.forward(ones(3, 2) * 8);
        Numerics.AssertClose(Numerics.Doubles([2, 2], 2), bn.MovingMean, 0, "left alone in eval()");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("axis 0 is the batch axis", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNormalization(0)).Message);
        Assert.Contains("momentum must be in [0, 1], found 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNormalization(momentum: 1.5)).Message);
        Assert.Contains("epsilon must be positive, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNormalization(epsilon: 0)).Message);
        Assert.Contains("axis 3 is outside an input of rank 3, shape (batch, 4, 5)",
            Assert.Throws<ArgumentException>(() => new BatchNormalization(3).Build(4, 5)).Message);
        Assert.Contains("needs the axis -1 dimension known", Assert.Throws<ArgumentException>(() => new BatchNormalization().Build(4, -1)).Message);
        var bn = new BatchNormalization();
        bn.Build(4, 5);
        Assert.Contains("was built for 5 features on axis -1, found inputs of shape (2, 4, 6)",
            Assert.Throws<ArgumentException>(() => bn.Call(zeros(2, 4, 6))).Message);
        Assert.Contains("built for inputs of rank 3, found shape (2, 5)", Assert.Throws<ArgumentException>(() => bn.Call(zeros(2, 5))).Message);
    }

    // Per-feature moments over every other axis: the feature axis swapped to the end, the rest flattened.
    private static (Tensor Mean, Tensor Variance) BatchMoments(Tensor x, int featureAxis)
    {
        var rows = x.transpose(featureAxis, -1).reshape(-1, x.shape[featureAxis]);
        var mean = rows.sum(dim: 0) / rows.shape[0];
        var variance = (rows - mean).square().sum(dim: 0) / rows.shape[0];
        return (mean, variance);
    }

    private static Tensor Normalize(Tensor x, int featureAxis, Tensor mean, Tensor variance, BatchNormalization bn)
    {
        var moved = x.transpose(featureAxis, -1);
        var y = (moved - mean) / (variance + 1e-3).sqrt();
        y = bn.Gamma is null ? y : y * bn.Gamma;
        y = bn.Beta is null ? y : y + bn.Beta;
        return y.transpose(featureAxis, -1);
    }
}
