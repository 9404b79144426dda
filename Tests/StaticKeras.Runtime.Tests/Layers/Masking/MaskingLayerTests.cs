using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Masking;

/// <summary>Keras' Masking layer and Embedding(mask_zero): the masks they make.</summary>
public sealed class MaskingLayerTests
{
    [Fact]
    public void MaskingConforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new StaticKeras.Layers.Masking(0.5),
        BuildShape = [6, 3],
        Shapes = [([4, 6, 3], [4, 6, 3]), ([2, 5, 3], [2, 5, 3])],
        Trainable = 0,
        WeightNames = [],
        // Some steps equal the mask value in every feature, one only in some.
        MakeInput = (shape, dtype) =>
        {
            var x = randn(shape, dtype);
            x[0, 1] = full(shape[2], 0.5, dtype);
            x[1, 0] = full(shape[2], 0.5, dtype);
            x[1, 2, 0] = tensor(0.5, dtype);
            return x;
        },
        Reference = (_, x) => x * x.ne(0.5).any(-1, keepdim: true).to_type(x.dtype),
    });

    [Fact]
    public void MaskingsMaskIsKeras()
    {
        // Keras: Masking().compute_mask(x) with x[0, 2] = 0, x[1, 0] = 0 and x[1, 3, 1] = 0 only.
        var x = ones(2, 5, 3);
        x[0, 2] = zeros(3);
        x[1, 0] = zeros(3);
        x[1, 3, 1] = tensor(0f);
        var masking = new StaticKeras.Layers.Masking();
        Assert.Equal([true, true, false, true, true, false, true, true, true, true], masking.ComputeMask(x).reshape(-1).data<bool>().ToArray());
        Assert.Equal(0.0, masking.MaskValue);
        Assert.Equal(0f, masking.Call(x)[0, 2].abs().sum().item<float>());
        Assert.Contains("Masking expects inputs of rank 2 or more", Assert.Throws<ArgumentException>(() => masking.ComputeMask(ones(3))).Message);
    }

    [Fact]
    public void EmbeddingWithMaskZeroMasksIndexZero()
    {
        var embed = new Embedding(10, 4, maskZero: true);
        Assert.True(embed.MaskZero);
        var ids = tensor(new float[] { 3, 0, 7, 0, 0, 1 }).reshape(2, 3);
        Assert.Equal([true, false, true, false, false, true], embed.ComputeMask(ids).reshape(-1).data<bool>().ToArray());
        Assert.Equal([2L, 3, 4], embed.Call(ids).shape);   // index 0 still has its row, as in Keras
        Assert.False(new Embedding(10, 4).MaskZero);
        Assert.Contains("maskZero: true", Assert.Throws<InvalidOperationException>(() => new Embedding(10, 4).ComputeMask(ids)).Message);
    }

    [Fact]
    public void MasksOrAsKerasMerges()
    {
        var a = tensor(new[] { true, false, false, true }).reshape(2, 2);
        var b = tensor(new[] { false, false, true, true }).reshape(2, 2);
        Assert.Equal([true, false, true, true], Masks.Or(a, b).reshape(-1).data<bool>().ToArray());
        Assert.Contains("masks must have one shape", Assert.Throws<ArgumentException>(() => Masks.Or(a, ones(3, ScalarType.Bool))).Message);
        Assert.Throws<ArgumentException>(() => Masks.Or());
    }
}
