using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Wrappers;

public sealed class TimeDistributedTests
{
    [Fact]
    public void ConformsWrappingDense() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new TimeDistributed(new Dense(3, Activation.Tanh)),
        BuildShape = [4, 5],
        Shapes = [([2, 4, 5], [2, 4, 3]), ([3, 7, 5], [3, 7, 3])],
        Trainable = 5 * 3 + 3,
        WeightNames = ["layer.kernel", "layer.bias"],
        Perturb = layer => ((Dense)((TimeDistributed)layer).Layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            var dense = (Dense)((TimeDistributed)layer).Layer;
            return (x.matmul(dense.Kernel!) + dense.Bias!).tanh();
        },
    });

    [Fact]
    public void ConformsWrappingConv2D() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new TimeDistributed(new Conv2D(3, (2, 2))),
        BuildShape = [4, 5, 5, 2],
        Shapes = [([2, 4, 5, 5, 2], [2, 4, 4, 4, 3]), ([1, 3, 5, 5, 2], [1, 3, 4, 4, 3])],
        Trainable = 2 * 2 * 2 * 3 + 3,
        WeightNames = ["layer.kernel", "layer.bias"],
        Perturb = layer => ((Conv2D)((TimeDistributed)layer).Layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            // Each frame on its own through the reference convolution.
            var conv = (Conv2D)((TimeDistributed)layer).Layer;
            var frames = Enumerable.Range(0, (int)x.shape[1])
                .Select(t => ReferenceConvolution.Conv2D(x.select(1, t), conv.Kernel, conv.Bias, [1, 1], [1, 1]))
                .ToArray();
            return stack(frames, 1);
        },
    });

    [Fact]
    public void DropoutInsideDropsInTrainingOnly()
    {
        // Not through the conformance helper: a random mask has no finite-difference gradient.
        using var scope = NewDisposeScope();
        var layer = new TimeDistributed(new Dropout(0.5));
        var x = randn(3, 4, 6, ScalarType.Float64);
        Numerics.AssertClose(x, layer.Call(x), 0, "inference is the identity");
        var y = layer.Call(x, training: true);
        Assert.Equal(x.shape, y.shape);
        var kept = y.ne(0);
        Numerics.AssertClose(x.masked_select(kept) * 2, y.masked_select(kept), 1e-12, "kept values scaled by 1 / (1 - rate)");
        Assert.InRange(kept.to_type(ScalarType.Float64).mean().item<double>(), 0.2, 0.8);
    }

    [Fact]
    public void DenseMatchesKeras()
    {
        // Keras 3.16 (numpy backend): TimeDistributed(Dense(3, activation="tanh")) on (2, 5, 4), weights and input from KerasFill.
        using var scope = NewDisposeScope();
        var layer = new TimeDistributed(new Dense(3, Activation.Tanh));
        layer.Build(5, 4);
        KerasFill.Weights(layer);
        var y = layer.Call(KerasFill.Of([2, 5, 4], 0.3));
        float[] keras =
        [
            0.38353443f, 0.17438744f, -0.075522929f, 0.6474086f, 0.53095227f, 0.32037371f, 0.50978309f, 0.51177037f, 0.4552691f, 0.15671739f,
            0.14405666f, 0.11200603f, 0.28495714f, 0.094948851f, -0.11497667f, 0.61813205f, 0.46702528f, 0.21844421f, 0.58148694f, 0.55848271f,
            0.47087356f, 0.22167172f, 0.23753025f, 0.22234535f, 0.20027669f, 0.047306933f, -0.11424287f, 0.56370878f, 0.38036349f, 0.10808861f,
        ];
        Assert.Equal([2L, 5, 3], y.shape);
        Numerics.AssertClose(tensor(keras).reshape(2, 5, 3), y, 1e-6, "TimeDistributed(Dense) vs Keras");
    }

    [Fact]
    public void RejectsInputsBelowRankThree()
    {
        var layer = new TimeDistributed(new Dense(3));
        var error = Assert.Throws<ArgumentException>(() => layer.Build(4));
        Assert.Contains("TimeDistributed expects inputs (batch, time, ...) of rank at least 3 (batch included), found input shape (batch, 4)", error.Message);
        var call = Assert.Throws<ArgumentException>(() => new TimeDistributed(new Flatten()).Call(zeros(2, 4)));
        Assert.Contains("found shape (2, 4)", call.Message);
        Assert.Throws<ArgumentNullException>(() => new TimeDistributed(null!));
    }
}
