using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Attention;

public sealed class PositionEmbeddingTests
{
    [Fact]
    public void Conforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new PositionEmbedding(6),
        BuildShape = [-1, 4],
        Shapes = [([2, 5, 4], [2, 5, 4]), ([3, 6, 4], [3, 6, 4]), ([1, 2, 4], [1, 2, 4])],
        Trainable = 24,
        WeightNames = ["embeddings"],
        // The output depends on the input's shape only: the first rows of the table for every sample.
        InputHasGradient = false,
        Reference = (layer, x) => ((PositionEmbedding)layer).Embeddings[..(int)x.shape[1]].unsqueeze(0).expand(x.shape),
    });

    [Fact]
    public void RejectsLongSequencesAndOtherFeatures()
    {
        Assert.Contains("sequenceLength must be a positive integer", Assert.Throws<ArgumentOutOfRangeException>(() => new PositionEmbedding(0)).Message);
        Assert.Contains("inputs of 8 steps are longer than sequenceLength 6", Assert.Throws<ArgumentException>(() => new PositionEmbedding(6).Build(8, 4)).Message);
        var layer = new PositionEmbedding(6);
        layer.Build(-1, 4);
        Assert.Contains("inputs of 7 steps are longer", Assert.Throws<ArgumentException>(() => layer.Call(zeros(1, 7, 4))).Message);
        Assert.Contains("built for 4 features", Assert.Throws<ArgumentException>(() => layer.Call(zeros(1, 3, 5))).Message);
    }
}
