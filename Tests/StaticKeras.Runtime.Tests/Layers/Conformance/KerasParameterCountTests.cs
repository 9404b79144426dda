using System;
using System.Linq;
using StaticKeras.Layers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>Parameter counts for common configurations, as Keras' <c>model.summary()</c> prints them.</summary>
public sealed class KerasParameterCountTests
{
    public static TheoryData<string, Func<Layer>, long[], long, long> Cases => new()
    {
        // name, layer, input shape (batch excluded), trainable, non-trainable
        { "Conv2D(32, 3) on (28, 28, 1)", () => new Conv2D(32, 3), [28, 28, 1], 320, 0 },
        { "Conv2D(64, 3) on (13, 13, 32)", () => new Conv2D(64, 3), [13, 13, 32], 18_496, 0 },
        { "Conv2D(64, 3, groups: 4) on (13, 13, 32)", () => new Conv2D(64, 3, groups: 4), [13, 13, 32], 4_672, 0 },
        { "Conv1D(64, 5) on (100, 32)", () => new Conv1D(64, 5), [100, 32], 10_304, 0 },
        { "Conv2DTranspose(16, 3) on (7, 7, 32)", () => new Conv2DTranspose(16, 3), [7, 7, 32], 4_624, 0 },
        { "BatchNormalization on (8, 8, 64)", () => new BatchNormalization(), [8, 8, 64], 128, 128 },
        { "LayerNormalization on (10, 128)", () => new LayerNormalization(), [10, 128], 256, 0 },
        { "Normalization on (8,)", () => new Normalization(), [8], 0, 17 },
        { "Normalization(axis=(1, 2)) on (3, 4)", () => new Normalization([1, 2]), [3, 4], 0, 25 },
        { "Normalization(mean=3, variance=2) on (5,)", () => new Normalization(mean: [3], variance: [2]), [5], 0, 0 },
        { "Embedding(10000, 16)", () => new Embedding(10_000, 16), [20], 160_000, 0 },
        { "SimpleRNN(32) on (None, 10)", () => new SimpleRNN(32), [-1, 10], 1_376, 0 },
        { "LSTM(128) on (None, 64)", () => new LSTM(128), [-1, 64], 98_816, 0 },
        { "GRU(64) on (None, 32)", () => new GRU(64), [-1, 32], 18_816, 0 },
        { "GRU(64, reset_after=False) on (None, 32)", () => new GRU(64, resetAfter: false), [-1, 32], 18_624, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchKerasSummary(string name, Func<Layer> create, long[] inputShape, long trainable, long nonTrainable)
    {
        var layer = create();
        layer.Build(inputShape);
        Assert.True(trainable == layer.parameters().Sum(p => p.numel()), $"{name}: trainable");
        Assert.True(nonTrainable == layer.buffers().Sum(b => b.numel()), $"{name}: non-trainable");
    }
}
